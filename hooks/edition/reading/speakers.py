"""A transcript's speakers: its own cast, ``data/speakers/<text id>.yml`` (named in the registry)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

from edition.datafile import load_yaml, validate


class Speaker(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # A name is written in a reading text's label (**name**：) and shown in every edition; a mark
    # is one symbol before it. Neither may hold markup: a cast file comes from a pull request.
    name: str = Field(
        min_length=1, max_length=20, pattern=r"^[^<>&\"'*_`\[\]{}#|\\\s：:？?]+(?: [^<>&\"'*_`\[\]{}#|\\\s：:？?]+)*$"
    )
    role: str = Field(max_length=200, pattern=r"^[^<>\n]*$")
    mark: str = Field(min_length=1, max_length=2, pattern=r"^[^\x00-\x7f\s]+$")
    asr_forms: list[str]


class Speakers(RootModel[dict[str, Speaker]]):
    """Speakers by id, in the order of the cast (the first speaker is voice 1 in the stylesheet)."""

    @model_validator(mode="after")
    def _someone_speaks(self) -> Speakers:
        if not self.root:
            raise ValueError("the cast lists no speaker: add at least one (name, role, mark, asr_forms)")
        return self

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
