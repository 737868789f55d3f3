"""The agencies' worksheets: `make` writes one workbook per agency from a spec (`workbook`,
laid out by `layout`), `read` takes a filled one back safely, `merge` folds the filled
workbooks into the spec with a round trip that keeps every untouched line as it was."""
