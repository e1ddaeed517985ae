"""Verbs that name an event, in the past tense, with the forms a question needs: ``launched`` -> ``launch``."""

from __future__ import annotations

from lunarquiz.generate.words import word_set

_TABLE = """
achieved achieve achieved; announced announce announced; approved approve approved; arrived arrive arrived;
awarded award awarded; became become become; began begin begun; broke break broken; built build built;
captured capture captured; carried carry carried; celebrated celebrate celebrated; chose choose chosen;
closed close closed; completed complete completed; confirmed confirm confirmed; crashed crash crashed;
created create created; delivered deliver delivered; deployed deploy deployed; designed design designed;
detected detect detected; died die died; discovered discover discovered; docked dock docked; ended end ended;
entered enter entered; established establish established; exploded explode exploded; flew fly flown;
formed form formed; founded found founded; hosted host hosted; introduced introduce introduced;
invented invent invented; joined join joined; landed land landed; launched launch launched; led lead led;
lifted lift lifted; made make made; merged merge merged; named name named; observed observe observed;
opened open opened; orbited orbit orbited; photographed photograph photographed; published publish published;
reached reach reached; released release released; retired retire retired; returned return returned;
revealed reveal revealed; selected select selected; sent send sent; signed sign signed; splashed splash splashed;
started start started; tested test tested; touched touch touched; unveiled unveil unveiled; visited visit visited;
walked walk walked; won win won
"""

VERBS: dict[str, tuple[str, str]] = {
    past: (base, participle)
    for past, base, participle in (entry.split() for entry in _TABLE.replace("\n", " ").split(";") if entry.strip())
}
"""Past tense -> (base form, past participle), for verbs that make a clear event of a date."""

AUXILIARIES = word_set(
    "is are was were has have had will would can could may might must shall should did does do been being"
)
"""Helping verbs: after one, a past form is not the event itself (``had landed``)."""
