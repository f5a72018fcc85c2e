"""Property test: random damage to a table is either harmless or rejected with a clear message.

Whatever happens to the bytes of a data file, ``load`` must return a valid table or raise
``DataError`` naming the file; it must never fail with another exception.
"""

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aid2assets import DataError, load
from aid2assets.paths import data_dir

TABLES = {"countries": "countries.csv", "eras": "eras.csv", "aid_crs_pakistan": "aid_crs_pakistan.csv"}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    root = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(data_dir(), root)
    return root


def mutate(data: bytes, kind: str, position: float, payload: bytes) -> bytes:
    at = int(position * len(data))
    lines = data.split(b"\n")
    line_at = int(position * (len(lines) - 1))
    if kind == "insert":
        return data[:at] + payload + data[at:]
    if kind == "delete":
        return data[:at] + data[at + max(1, len(payload)):]
    if kind == "replace":
        return data[:at] + payload + data[at + len(payload):]
    if kind == "duplicate-line":
        return b"\n".join(lines[:line_at + 1] + [lines[line_at]] + lines[line_at + 1:])
    if kind == "drop-line":
        return b"\n".join(lines[:line_at] + lines[line_at + 1:])
    if kind == "truncate":
        return data[:at]
    raise ValueError(kind)


damage = st.tuples(
    st.sampled_from(["insert", "delete", "replace", "duplicate-line", "drop-line", "truncate"]),
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.one_of(st.binary(min_size=1, max_size=6),
              st.sampled_from([b",", b'"', b"\n", b"\r", b"-1", b"\xff\xfe", b"NaN", b"1e309", b"\x00",
                               b"<script>", b" ", b"2099", b"PAK", b"true"])),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(sorted(TABLES)), damages=st.lists(damage, min_size=1, max_size=3))
def test_damage_is_harmless_or_reported(pristine, tmp_path_factory, table, damages):
    root = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(pristine, root)
    path = root / TABLES[table]
    data = path.read_bytes()
    for kind, position, payload in damages:
        data = mutate(data, kind, position, payload)
    path.write_bytes(data)
    try:
        frame = load(table, root=root)
    except DataError as err:
        assert str(err).startswith(f"data/{TABLES[table]}"), str(err)
        assert err.reason
    else:
        assert len(frame) > 0
