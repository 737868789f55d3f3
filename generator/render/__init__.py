"""Writers: the HTML document to PDF (WeasyPrint) and DOCX (python-docx)."""
