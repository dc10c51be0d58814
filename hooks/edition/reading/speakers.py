"""A transcript's speakers: its own cast, ``data/speakers/<text id>.yml`` (named in the registry)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, RootModel

from edition.datafile import load_yaml, validate


class Speaker(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    role: str
    mark: str
    asr_forms: list[str]


class Speakers(RootModel[dict[str, Speaker]]):
    """Speakers by id, in the order of the cast (the first speaker is voice 1 in the stylesheet)."""

    def voice(self, speaker_id: str) -> int:
        """The speaker's place in the cast, 1-based: colour and rule style follow it."""
        return list(self.root).index(speaker_id) + 1

    def by_name(self, name: str) -> tuple[str, Speaker] | None:
        for speaker_id, speaker in self.root.items():
            if speaker.name == name:
                return speaker_id, speaker
        return None


def load_speakers(root: Path, path: str) -> Speakers:
    return validate(Speakers, load_yaml(root / path, path), path)
