"""Whether the cover logo can sit directly on the blue cover.

A logo with transparent pixels shows the cover through them; one without (a JPEG, or a PNG
on a white ground) would stand as a white box on the blue page, so the cover puts it on a
deliberate white card instead (`div.cover-logo.card`).
"""

from __future__ import annotations

import io


def needs_card(data: bytes) -> bool:
    """True unless the image (already checked by the asset resolver) has a transparent
    pixel."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
            alpha = image.convert("RGBA").getchannel("A")
            lowest, _ = alpha.getextrema()
            return bool(lowest == 255)
    return True
