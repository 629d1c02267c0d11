//! Reading the action sheets to merge: each file whole (an action sheet `.xlsx`, possibly
//! edited in Excel, or a JSON plan), into the marks [`super::compare`] takes.

use std::path::{Path, PathBuf};

use super::{Place, SheetMarks, UnknownMark};
use crate::error::Error;

/// Reads every sheet; the first that cannot be read is the error, named with its path.
pub fn read_sheets(paths: &[PathBuf]) -> Result<Vec<SheetMarks>, Error> {
    paths.iter().map(|p| read_sheet(p)).collect()
}

fn read_sheet(path: &Path) -> Result<SheetMarks, Error> {
    let bytes = crate::input::read(path).map_err(|e| Error::file(path, e.problem()))?;
    let plan = crate::review::read_plan(&bytes).map_err(|error| Error::Plan {
        path: path.to_path_buf(),
        error,
    })?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let unknown = plan
        .unclear_done()
        .map(|(f, value)| UnknownMark {
            place: Place {
                file: file.clone(),
                at: f.at.clone(),
            },
            cpr: f.cpr.as_deref().map(crate::domain::cpr::mask_cpr_value),
            value: value.to_string(),
        })
        .collect();
    Ok(SheetMarks {
        file,
        model: plan.header.model,
        switch_date: plan.header.switch_date,
        written: plan.header.generated,
        rows: plan.rows,
        unknown,
    })
}
