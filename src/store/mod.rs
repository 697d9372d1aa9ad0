//! Plan files on disk: RON load and save, migrations from older formats, atomic writes, and the
//! templates shipped inside the binary.

pub mod actuals;
pub mod atomic;
pub mod catalogue;
pub mod error;
pub mod file;
pub mod file_set;
pub mod limits;
pub mod locate;
pub mod migrate;
pub mod network;
pub mod practices;
pub mod scan;
pub mod templates;
pub mod values;

pub use error::{LoadError, LoadErrorKind, Location, SaveError};
pub use file::{
    MAX_FILE_BYTES, fingerprint, load, locate_all, monitoring_fingerprint, parse, parse_lenient,
    read_text, save, save_file, save_file_with, save_with, short_fingerprint, to_ron,
};
