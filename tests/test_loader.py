"""The loader rejects malformed tables with a message naming file, line, column and expectation."""

import shutil

import pytest

from aid2assets import DataError, load
from aid2assets.paths import data_dir


@pytest.fixture
def data_copy(tmp_path):
    """A private copy of data/ that a test may corrupt."""
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    return root


def rewrite(path, edit):
    """Apply ``edit`` to the lines of a CSV file (header is line 1)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(edit(lines)), encoding="utf-8")


def set_cell(path, line_no, column, value):
    def edit(lines):
        header = lines[0].rstrip("\n").split(",")
        cells = lines[line_no - 1].rstrip("\n").split(",")
        cells[header.index(column)] = value
        lines[line_no - 1] = ",".join(cells) + "\n"
        return lines
    rewrite(path, edit)


def error_for(name, root):
    with pytest.raises(DataError) as info:
        load(name, root=root)
    return info.value


def test_clean_copy_loads(data_copy):
    assert len(load("aid_greenbook", root=data_copy)) > 800


def test_missing_column(data_copy):
    def drop_category(lines):
        return [",".join(c for i, c in enumerate(line.rstrip("\n").split(",")) if i != 3) + "\n" for line in lines]
    rewrite(data_copy / "aid_greenbook.csv", drop_category)
    err = error_for("aid_greenbook", data_copy)
    assert str(err).startswith("data/aid_greenbook.csv, line 1:")
    assert "missing column(s) 'category'" in str(err)


def test_wrong_type(data_copy):
    set_cell(data_copy / "aid_greenbook.csv", 5, "obligations_current_usd", "12x")
    err = error_for("aid_greenbook", data_copy)
    assert str(err) == ("data/aid_greenbook.csv, line 5, column 'obligations_current_usd': "
                        "expected an integer, got '12x'")


def test_decimal_where_integer_expected(data_copy):
    set_cell(data_copy / "aid_greenbook.csv", 7, "obligations_current_usd", "100.5")
    assert "line 7, column 'obligations_current_usd': expected an integer, got '100.5'" in str(
        error_for("aid_greenbook", data_copy))


def test_duplicate_key(data_copy):
    rewrite(data_copy / "aid_greenbook.csv", lambda lines: lines[:3] + [lines[2]] + lines[3:])
    err = error_for("aid_greenbook", data_copy)
    assert "data/aid_greenbook.csv, line 4" in str(err)
    assert "duplicate primary key (country_iso3, fiscal_year, period, category)" in str(err)
    assert "already on line 3" in str(err)


# A cell set to a bad value, and the whole message naming file, line, column and what was expected.
BAD_CELLS = [
    pytest.param("aid_greenbook", 9, "category", "humanitarian",
                 "data/aid_greenbook.csv, line 9, column 'category': expected one of 'economic', 'military', "
         "got 'humanitarian'",
                 id="unknown_category"),
    pytest.param("aid_crs_pakistan", 2, "usd_millions", "-5",
                 "data/aid_crs_pakistan.csv, line 2, column 'usd_millions': expected a number of at least 0, got '-5'",
                 id="negative_amount_where_impossible"),
    pytest.param("aid_greenbook", 11, "fiscal_year", "2031",
                 "data/aid_greenbook.csv, line 11, column 'fiscal_year': expected an integer between 1946 and 2020, "
         "got '2031'",
                 id="year_out_of_range"),
    pytest.param("aid_greenbook", 12, "source_id", "",
                 "data/aid_greenbook.csv, line 12, column 'source_id': is empty; expected text",
                 id="missing_source"),
]


@pytest.mark.parametrize("table,line,column,value,message", BAD_CELLS)
def test_a_bad_cell_is_reported_with_file_line_and_column(data_copy, table, line, column, value, message):
    set_cell(data_copy / f"{table}.csv", line, column, value)
    assert str(error_for(table, data_copy)) == message


def test_unknown_source(data_copy):
    set_cell(data_copy / "aid_greenbook.csv", 12, "source_id", "my-memory")
    err = str(error_for("aid_greenbook", data_copy))
    assert err.startswith("data/aid_greenbook.csv, line 12, column 'source_id': refers to sources")
    assert "my-memory" in err


def test_missing_event_source(data_copy):
    set_cell_quoted = data_copy / "events.csv"
    import csv
    import io
    rows = list(csv.reader(io.StringIO(set_cell_quoted.read_text(encoding="utf-8"))))
    rows[3][rows[0].index("source")] = ""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    set_cell_quoted.write_text(out.getvalue(), encoding="utf-8")
    assert "data/events.csv, line 4, column 'source': is empty" in str(error_for("events", data_copy))


def test_broken_encoding(data_copy):
    path = data_copy / "countries.csv"
    path.write_bytes(path.read_bytes().replace("Pakistan,Pakistan".encode(), "Pakist\xe4n,Pakistan".encode("latin-1")))
    err = str(error_for("countries", data_copy))
    assert err.startswith("data/countries.csv, line 2: is not valid UTF-8 (byte 0xe4")


def test_byte_order_mark(data_copy):
    path = data_copy / "countries.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert "starts with a byte-order mark" in str(error_for("countries", data_copy))


def test_ragged_row(data_copy):
    rewrite(data_copy / "aid_greenbook.csv", lambda lines: lines[:5] + [lines[5].rstrip("\n") + ",extra\n"] + lines[6:])
    assert str(error_for("aid_greenbook", data_copy)) == "data/aid_greenbook.csv, line 6: has 10 cells; expected 9"


def test_unknown_country(data_copy):
    set_cell(data_copy / "aid_greenbook.csv", 3, "country_iso3", "XYZ")
    assert "line 3, column 'country_iso3': expected one of 'PAK'" in str(error_for("aid_greenbook", data_copy))


def test_date_must_match_precision(data_copy):
    path = data_copy / "events.csv"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    assert header[1:3] == ["date", "date_precision"]
    first = lines[1].split(",")
    first[1] = first[1][:7]  # a day-precision date cut to a month
    lines[1] = ",".join(first)
    path.write_text("".join(lines), encoding="utf-8")
    err = str(error_for("events", data_copy))
    assert err.startswith("data/events.csv, line 2, column 'date': expected a value matching")


def test_empty_amount_needs_a_note(data_copy):
    import csv
    import io
    path = data_copy / "aid_crs_pakistan.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    i = next(i for i, r in enumerate(rows) if r[4] == "")
    rows[i][-1] = ""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    assert f"line {i + 1}, column 'usd_millions': is empty, so column 'note' must explain why" in str(
        error_for("aid_crs_pakistan", data_copy))


def test_missing_file(data_copy):
    (data_copy / "eras.csv").unlink()
    assert str(error_for("eras", data_copy)) == "data/eras.csv: not found (listed in datapackage.json)"


def test_no_partial_result_after_error(data_copy):
    """A failed load leaves nothing behind: the next load of the repaired file succeeds."""
    original = (data_copy / "countries.csv").read_bytes()
    set_cell(data_copy / "countries.csv", 2, "first_greenbook_fy", "nineteen")
    error_for("countries", data_copy)
    (data_copy / "countries.csv").write_bytes(original)
    assert list(load("countries", root=data_copy)["iso3"])[:1] == ["PAK"]
