"""Messages of the « carte des manques » (issue 18, item 2): the needs left « sans solution » per
neighbourhood, carried back to the devices in the signed pack. code → (French, English); see
`fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # cli/directory.py: coord pack
    "cli.manques.pack_carried": (
        "carte des manques jointe pour {n:quartier|quartiers}",
        "unmet-needs map included for {n:neighbourhood|neighbourhoods}",
    ),
    "cli.manques.store_unavailable": (
        "{problem} — sans la carte des manques, le pack s'écrit avec --no-manques",
        "{problem} — without the unmet-needs map, the pack is written with --no-manques",
    ),
    # cli/directory.py: directory unmet
    "cli.manques.none": (
        "Pas de carte des manques dans l'annuaire installé.",
        "No unmet-needs map in the installed directory.",
    ),
    "cli.manques.none_here": (
        "Pas de manque connu pour {label} dans l'annuaire installé.",
        "No known unmet need for {label} in the installed directory.",
    ),
    "cli.manques.unknown_neighbourhood": (
        "quartier inconnu dans l'annuaire installé : {code}",
        "neighbourhood not in the installed directory: {code}",
    ),
    "cli.manques.heading": (
        "{label} : besoins restés sans solution, de {du} à {au}",
        "{label}: needs left without a solution, from {du} to {au}",
    ),
    "cli.manques.row": ("{need} : {count}", "{need}: {count}"),
    "cli.manques.hidden": ("moins de {k}", "fewer than {k}"),
}
