from django.utils.translation import get_language


class Localized:
    """Content written in Dutch with an optional English twin field (`<name>_en`)."""

    def localized(self, name: str) -> str:
        if (get_language() or "nl").startswith("en"):
            english = getattr(self, f"{name}_en", "")
            if english:
                return english
        return getattr(self, name)
