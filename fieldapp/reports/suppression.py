"""Small-cell suppression (secret statistique) for published counts.

A table is seen as a flat list of counts (its cells *and* its totals) and a list of `Line`s: each
line says "these member cells add up to that total". The rule (docs/indicators.md):

1. Primary suppression: every count from 1 to k−1 is hidden ("< k"). Zero is not sensitive.
2. Complementary suppression: a line with exactly one hidden cell (members and total together)
   would give it away by subtraction, so the smallest other non-zero member of that line is
   hidden too (a zero member only when no non-zero one is left, the total when no member is).
   This runs over all lines until nothing changes.
3. Exact recovery check: even with two hidden cells per line, a hidden cell can still be the
   sole solution of the system of all lines together (a "bridge" between two groups of hidden
   cells). Such a cell is found by Gaussian elimination over the rationals, and one more cell of
   its first line is hidden; then step 2 runs again, until no hidden cell is determined.

Lines whose total lives in another published table (a subtotal shown elsewhere) are given with
`total=None`: that total counts as known. Declaring a line that is not truly additive (distinct
people over several months) only makes the protection more cautious, never weaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Line:
    members: tuple[int, ...]  # indices of the cells that add up to the total
    total: int | None = None  # index of the total cell; None = published elsewhere (known)

    def cells(self) -> tuple[int, ...]:
        return self.members if self.total is None else (*self.members, self.total)


def primary(values: Sequence[int], k: int) -> set[int]:
    return {i for i, v in enumerate(values) if 0 < v < k}


def suppress(values: Sequence[int], lines: Sequence[Line], k: int) -> set[int]:
    """Indices of the cells to hide; `values` holds members and totals alike."""
    if k <= 1:
        return set()
    hidden = primary(values, k)
    while True:
        _complete_lines(values, lines, hidden)
        determined = determined_cells(values, lines, hidden)
        if not determined:
            return hidden
        # Break the first determined cell's line open a bit more, then re-check everything.
        cell = min(determined)
        line = next(ln for ln in lines if cell in ln.cells())
        pick = _smallest_other(values, line, hidden)
        if pick is None:  # pragma: no cover - a determined cell always has an open line
            return hidden
        hidden.add(pick)


def _complete_lines(values: Sequence[int], lines: Sequence[Line], hidden: set[int]) -> None:
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(c in hidden for c in line.cells()) == 1:
                pick = _smallest_other(values, line, hidden)
                if pick is not None:
                    hidden.add(pick)
                    changed = True


def _smallest_other(values: Sequence[int], line: Line, hidden: set[int]) -> int | None:
    open_members = [m for m in line.members if m not in hidden]
    nonzero = [m for m in open_members if values[m] > 0]
    for pool in (nonzero, open_members):
        if pool:
            return min(pool, key=lambda m: (values[m], m))
    if line.total is not None and line.total not in hidden:
        return line.total
    return None


def determined_cells(values: Sequence[int], lines: Sequence[Line], hidden: set[int]) -> set[int]:
    """Hidden cells whose exact value follows from the published cells and the lines.

    Each line is an equation sum(members) - total = 0 with the published cells moved to the
    right-hand side. A hidden cell is determined iff its unit vector lies in the row space of
    the coefficient matrix: in reduced row echelon form, it is a pivot whose row has no entry
    in a free column.
    """
    unknowns = sorted(hidden)
    if not unknowns:
        return set()
    position = {cell: i for i, cell in enumerate(unknowns)}
    matrix: list[list[Fraction]] = []
    for line in lines:
        row = [Fraction(0)] * len(unknowns)
        touched = False
        for m in line.members:
            if m in position:
                row[position[m]] += 1
                touched = True
        if line.total is not None and line.total in position:
            row[position[line.total]] -= 1
            touched = True
        if touched:
            matrix.append(row)
    pivots = _rref(matrix, len(unknowns))
    pivot_columns = {col for _, col in pivots}
    free = [c for c in range(len(unknowns)) if c not in pivot_columns]
    found: set[int] = set()
    for r, col in pivots:
        if all(matrix[r][f] == 0 for f in free):
            found.add(unknowns[col])
    return found


def _rref(matrix: list[list[Fraction]], width: int) -> list[tuple[int, int]]:
    """Reduce `matrix` in place; returns (row, column) of each pivot."""
    pivots: list[tuple[int, int]] = []
    r = 0
    for col in range(width):
        pivot = next((i for i in range(r, len(matrix)) if matrix[i][col] != 0), None)
        if pivot is None:
            continue
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        lead = matrix[r][col]
        matrix[r] = [v / lead for v in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][col] != 0:
                factor = matrix[i][col]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[r], strict=True)]
        pivots.append((r, col))
        r += 1
        if r == len(matrix):
            break
    return pivots


def grid_lines(n_rows: int, n_cols: int) -> tuple[list[Line], int]:
    """Lines of a rows × columns table laid out with its margins as a flat list.

    Layout: row i, column j at i * (n_cols + 1) + j; column n_cols holds the row totals; the last
    row (index n_rows) holds the column totals and, at its end, the grand total. Returns the
    lines and the number of cells.
    """
    width = n_cols + 1

    def at(i: int, j: int) -> int:
        return i * width + j

    lines = [Line(tuple(at(i, j) for j in range(n_cols)), at(i, n_cols)) for i in range(n_rows + 1)]
    lines += [
        Line(tuple(at(i, j) for i in range(n_rows)), at(n_rows, j)) for j in range(n_cols + 1)
    ]
    return lines, (n_rows + 1) * width
