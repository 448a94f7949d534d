"""Demo data of the register: the documents behind the seed's 壹二 figures for 107H2 and 108H2
(see `synth.PLAN`). Idempotent: a half-year already loaded is left as it is. The writes are
attributed to whoever runs `mishu loaddemo` (one change-log entry per batch of 5,000)."""

from . import synth


def load() -> None:
    """Create the demo documents (about 20 萬, in batches of 5,000)."""
    synth.generate(1, source="demo", skip_existing=True)
