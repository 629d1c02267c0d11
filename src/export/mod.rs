//! Exports: the JSON plan and the xlsx action sheet.
