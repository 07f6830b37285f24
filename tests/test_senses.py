from alignck.language import terms
from alignck.senses import in_sense, plain, sense_of


def test_a_text_about_transport_sets_the_transport_sense() -> None:
    assert sense_of("Safety and training to make the best use of the transport network") == (
        "transport",
    )
    assert sense_of("Improving accessibility to key destinations by bus") == ("transport",)
    assert sense_of("An effective parking strategy") == ("transport",)
    assert sense_of("Road works and street works") == ("transport",)


def test_words_that_look_like_transport_but_are_not() -> None:
    # stems would mislead: 'parks' are green spaces, 'training' is not trains, and
    # 'Traveller communities' are people.
    assert sense_of("Keep our parks safe and open to all") == ()
    assert sense_of("Training for staff to keep children safe") == ()
    assert sense_of("Support for Gypsy, Roma and Traveller communities to stay safe") == ()
    assert sense_of("Tackle human trafficking and keep communities safe") == ()


def test_only_the_sensitive_words_are_marked() -> None:
    found = terms("road safety and accessible bus stops for older people")
    marked = in_sense(found, ("transport",))
    assert "safe~transport" in marked and "access~transport" in marked
    assert "servic~transport" in in_sense(terms("evening bus services"), ("transport",))
    school = "fund road safety education in secondary schools"
    assert "school~transport" in in_sense(terms(school), sense_of(school))
    assert "older" in marked and "road" in marked
    assert in_sense(found, ()) == tuple(found)
    assert [plain(t) for t in marked] == found


def test_a_text_about_digital_networks_reads_connected_in_that_sense() -> None:
    text = "Full-fibre broadband for every business, so that firms can get connected"
    assert sense_of(text) == ("digital",)
    assert "connect~digital" in in_sense(terms(text), sense_of(text))
    # access to a service online is still access to it
    online = "Book appointments online and access talking therapies"
    assert "access" in in_sense(terms(online), sense_of(online))
    assert sense_of("Build connected communities where no one is lonely") == ()


def test_places_to_be_had_are_not_places_to_live() -> None:
    for text in ("a place on a recovery programme", "We will fund 30 nursery places"):
        assert sense_of(text) == ("slot",), text
        assert "place~slot" in in_sense(terms(text), sense_of(text))
    for text in ("Healthy places to live", "a great place to grow up", "places on the coast"):
        assert "slot" not in sense_of(text), text


def test_home_as_where_care_is_given_is_not_housing() -> None:
    for text in (
        "Care closer to home",
        "so that more people return home from hospital",
        "more people cared for at home",
        "We will inspect every care home",
    ):
        assert "care" in sense_of(text), text
        assert "home~care" in in_sense(terms(text), sense_of(text)), text
    for text in ("Warm homes", "Homes people can afford", "insulate 2,000 homes"):
        assert "care" not in sense_of(text), text
