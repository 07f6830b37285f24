"""Allow ``python -m alignck``."""

from alignck.cli import main

if __name__ == "__main__":
    main()
