"""Controlled vocabularies shared by the models (plain data, mirrors eval/FORMAT.md)."""
from __future__ import annotations

STATUSES = [
    ("arrested", "Arrested"),
    ("sentenced", "Sentenced to death"),
    ("upheld", "Sentence upheld"),
    ("at_risk", "At imminent risk"),
    ("executed", "Executed"),
    ("halted", "Execution halted"),
    ("commuted", "Sentence commuted"),
    ("forgiven", "Forgiven / pardoned"),
    ("died_in_custody", "Died in custody"),
]
CHARGES = [
    "drug", "murder", "rape", "moharebeh", "baghi", "efsad", "espionage",
    "armed_robbery", "kidnapping", "adultery", "sodomy", "blasphemy", "alcohol", "other",
]
SOURCE_KINDS = [
    ("official", "Official judiciary or state media"),
    ("ngo", "Non-governmental organisation"),
    ("media", "Independent media"),
    ("family", "Family"),
    ("lawyer", "Lawyer"),
    ("witness", "Witness"),
    ("prison", "Prison source"),
    ("social", "Social media"),
    ("list", "Another organisation's list"),
    ("other", "Other"),
]
DATE_PRECISIONS = [("day", "Day"), ("week", "Week"), ("month", "Month"), ("year", "Year"), ("unknown", "Unknown")]
# ACLED-style place precision: 1 exact site (prison), 2 city, 3 province, 4 country, 9 unknown.
PLACE_PRECISIONS = [(1, "Site"), (2, "City"), (3, "Province"), (4, "Country"), (9, "Unknown")]
MENTION_KINDS = [("case", "Named person with a status event"), ("group", "Group count"),
                 ("campaign", "Campaign event"), ("claim", "Statistical claim")]
MENTION_STATES = [("pending", "Pending review"), ("confirmed", "Confirmed"), ("rejected", "Rejected")]
GRADES = [("official", "Official"), ("corroborated", "Corroborated"),
          ("single_source", "Single source"), ("disputed", "Disputed"), ("unassessed", "Not assessed")]
QUALIFIERS = [("exactly", "Exactly"), ("at_least", "At least"), ("over", "Over"), ("about", "About"), ("at_most", "At most")]
CAMPAIGN_KINDS = [("hunger_strike", "Hunger strike"), ("riot", "Riot"), ("gathering", "Gathering")]
SEXES = [("m", "Male"), ("f", "Female")]
CUSTODY_STEPS = [("captured", "Captured"), ("hashed", "Hashed"), ("stored", "Stored"),
                 ("text_extracted", "Text extracted"), ("mentions_extracted", "Mentions extracted"),
                 ("reviewed", "Reviewed"), ("verified", "Verified"), ("verify_failed", "Verification failed")]
LINK_DECISIONS = [("must_link", "Same person"), ("cannot_link", "Different people")]


def precision_of(value: str | None) -> str:
    """Date precision of an ISO-like string: YYYY-MM-DD → day, YYYY-MM → month, YYYY → year."""
    if not value:
        return "unknown"
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "unknown")
