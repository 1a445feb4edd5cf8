"""Importers: real public data (Security Force Monitor rosters, the Foreign Military Training report) to case files.

Each importer reads its files whole, turns every row into case entities or a row error, and writes its output
folder only when everything it was asked to import is sound (see `common.write_folder`).
"""
