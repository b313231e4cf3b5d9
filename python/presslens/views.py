"""Layers read as sequences whose items become Python objects only when read.

A document's layers (``doc.tokens``, ``doc.sentences``, ``doc.quotes`` ...) hold thousands of
items; building a Python object for each costs several times the analysis itself. A
``LayerView`` fetches the layer's plain rows from the compiled document once, and makes the
object of item ``i`` the first time ``i`` is read (then keeps it: reading it again gives the same
object). ``len(doc.tokens)``, ``doc.tokens[0]`` and ``doc.quotes[-3:]`` cost next to nothing; a
full iteration costs what a list did. Views compare equal to lists of the same items and pickle
as lists; they are read-only sequences, not lists (no ``append``, ``sort`` or ``+``): ``list(view)``
gives a list.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, List, Optional, Sequence, TypeVar, Union, overload

T = TypeVar("T")

__all__ = ["LayerView"]


class LayerView(Sequence[T]):
    """The items of one layer; ``fetch()`` gives its rows, ``make(index, row)`` an item."""

    __slots__ = ("_fetch", "_make", "_rows", "_items")

    def __init__(self, fetch: Callable[[], Sequence[Any]], make: Callable[[int, Any], T]) -> None:
        self._fetch: Optional[Callable[[], Sequence[Any]]] = fetch
        self._make = make
        self._rows: Optional[Sequence[Any]] = None
        self._items: List[Optional[T]] = []

    def _fetched(self) -> Sequence[Any]:
        # Threads may read a layer at once: the items are in place before the rows say the layer
        # was fetched, and a second fetch (a race lost) gives the same rows.
        rows = self._rows
        if rows is None:
            assert self._fetch is not None
            rows = self._fetch()
            self._items = [None] * len(rows)
            self._rows = rows
        return rows

    def __len__(self) -> int:
        return len(self._fetched())

    def _item(self, index: int) -> T:
        item = self._items[index]
        if item is None:
            item = self._items[index] = self._make(index, self._fetched()[index])
        return item

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> List[T]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[T, List[T]]:
        size = len(self._fetched())
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(size))]
        position = index + size if index < 0 else index
        if not 0 <= position < size:
            raise IndexError(f"layer index {index} out of range for {size} items")
        return self._item(position)

    def __iter__(self) -> Iterator[T]:
        rows = self._fetched()
        items, make = self._items, self._make
        for index, item in enumerate(items):
            if item is None:
                item = items[index] = make(index, rows[index])
            yield item

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (LayerView, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(list(self))

    def __reduce__(self) -> Any:
        return (list, (list(self),))
