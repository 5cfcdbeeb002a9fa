"""Datasette-style alternate formats of a list: the same URL with ``.json`` or ``.csv``.

``.json`` returns one page (``_size`` rows, default 50, at most 1000) with ``count`` and the
``next`` page's URL; ``.csv`` streams every matching row. Both are streamed
(:class:`~django.http.StreamingHttpResponse`) so memory does not grow with the result.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Iterator

from django.http import StreamingHttpResponse

COLUMNS = ("id", "name_latin", "name_fa", "sex", "status", "date", "grade", "prison", "city", "province", "charges")
MAX_SIZE = 1000
CHUNK = 500


def page_size(params, *, html: bool) -> int:
    if html:
        return 50
    try:
        return max(1, min(MAX_SIZE, int(params.get("_size") or 50)))
    except ValueError:
        return 50


def _with_url(row: dict, request) -> dict:
    return {**row, "url": request.build_absolute_uri(f"/people/{row['id']}/")}


def json_page(request, rows: list[dict], page, cq) -> StreamingHttpResponse:
    nxt = None
    if page.has_next():
        params = request.GET.copy()
        params["page"] = page.next_page_number()
        nxt = request.build_absolute_uri(request.path + "?" + params.urlencode())
    head = {"count": page.paginator.count, "page": page.number, "pages": page.paginator.num_pages,
            "next": nxt, "query": cq.params(), "columns": list(COLUMNS) + ["url"]}

    def chunks() -> Iterator[str]:
        yield json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": ['
        for start in range(0, len(rows), CHUNK):  # a few large writes, not one per row
            yield ("," if start else "") + ",".join(
                json.dumps(_with_url(row, request), ensure_ascii=False) for row in rows[start:start + CHUNK])
        yield "]}\n"
    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "; ".join(value) if isinstance(value, list) else str(value if value is not None else "")
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_lines(rows: Iterable[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for i, row in enumerate(rows, 1):
        writer.writerow([_cell(row[c]) for c in COLUMNS])
        if i % CHUNK == 0:  # a few large writes, not one per row
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()


def csv_response(rows: Iterable[dict], filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
