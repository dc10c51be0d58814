"""The podcast's speakers (``data/speakers.yml``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, RootModel

from edition.datafile import load_yaml, validate

SPEAKERS = "data/speakers.yml"


class Speaker(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    role: str
    mark: str
    asr_forms: list[str]


class Speakers(RootModel[dict[str, Speaker]]):
    """Speakers by id."""

    def by_name(self, name: str) -> tuple[str, Speaker] | None:
        for speaker_id, speaker in self.root.items():
            if speaker.name == name:
                return speaker_id, speaker
        return None


def load_speakers(root: Path) -> Speakers:
    return validate(Speakers, load_yaml(root / SPEAKERS, SPEAKERS), SPEAKERS)
