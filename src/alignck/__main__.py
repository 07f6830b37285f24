"""Allow ``python -m alignck``."""

from alignck.launch import main

if __name__ == "__main__":
    main()
