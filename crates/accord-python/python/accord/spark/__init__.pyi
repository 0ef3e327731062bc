from typing import Any, Iterable, Optional

LAYERS: tuple[str, ...]
DEFAULT_LAYERS: tuple[str, ...]

class Analysis(dict[str, Any]):
    articles: Any

def schema(layer: str) -> Any: ...
def analyse(
    df: Any,
    text: str = ...,
    id: Optional[str] = ...,
    date: Optional[str] = ...,
    layers: Iterable[str] = ...,
    *,
    disable: Iterable[str] = ...,
    default_date: Optional[str] = ...,
    batch_size: int = ...,
    max_bytes: Optional[int] = ...,
    rows_per_chunk: int = ...,
    persist: bool = ...,
) -> Analysis: ...
def summarise(analysis: Analysis) -> dict[str, Any]: ...
