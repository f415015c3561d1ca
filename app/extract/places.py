"""Country lookups: demonyms, country names and place names via pycountry."""

from functools import lru_cache

from app.extract import name_rules


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Map lower-cased country names, common names and codes to alpha-2."""
    import pycountry  # lazily: its tables load on first use, not at start-up

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names[value.lower()] = c.alpha_2
    names.update({"us": "US", "u.s.": "US", "usa": "US", "america": "US", "uk": "GB",
                  "u.k.": "GB", "britain": "GB", "great britain": "GB", "russia": "RU",
                  "iran": "IR", "syria": "SY", "south korea": "KR", "north korea": "KP",
                  "vietnam": "VN", "taiwan": "TW", "the united states": "US"})
    return names


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Return lower-cased country and US/GB subdivision names, which are not speakers."""
    import pycountry  # lazily: its tables load on first use, not at start-up

    subs = {s.name.lower() for s in pycountry.subdivisions if s.country_code in ("US", "GB")}
    return frozenset(_country_names()) | frozenset(subs)


@lru_cache(maxsize=4096)
def country_of_name(name: str) -> str | None:
    """Return the alpha-2 code of a country named (or a capital standing for it)."""
    key = name.lower().strip().removesuffix("’s").removesuffix("'s")
    return _country_names().get(key) or name_rules.METONYMS.get(key)


@lru_cache(maxsize=4096)
def country_of_demonym(word: str) -> str | None:
    """Return the alpha-2 code for a demonym, acronym or possessive country name."""
    key = word.lower().strip()
    return name_rules.DEMONYMS.get(key) or country_of_name(key)


# Short names for countries whose ISO name is long or formal.
_LABELS = {"RU": "Russia", "US": "United States", "GB": "United Kingdom", "KR": "South Korea",
           "KP": "North Korea", "IR": "Iran", "SY": "Syria", "VN": "Vietnam", "TW": "Taiwan",
           "VE": "Venezuela", "BO": "Bolivia", "TZ": "Tanzania", "MD": "Moldova", "LA": "Laos"}


def country_label(code: str) -> str:
    """Return a short readable name for an alpha-2 code."""
    import pycountry  # lazily: its tables load on first use, not at start-up

    if code in _LABELS:
        return _LABELS[code]
    c = pycountry.countries.get(alpha_2=code)
    return getattr(c, "common_name", None) or (c.name if c else code)
