//! Writes the verdict on a built page's clinic files beside it (see `aftercare::web_pack`), so
//! that the page runs on them without loading its checker: `aftercare-web-pack DIR`, run by
//! scripts/build-web.sh after it copied the files into DIR. Prints the pack's name; writes
//! nothing (and exits 1) when the files do not pass, since the page must then check them itself.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: aftercare-web-pack DIR (a folder scripts/build-web.sh built)");
        return ExitCode::from(2);
    };
    let dir = std::path::Path::new(&dir);
    let files = match aftercare::web_pack::read_dir(dir) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    let verdict = aftercare::web_pack::check(&files);
    if !verdict.passed() {
        eprintln!(
            "error: the clinic's files in {} do not pass `aftercare check`",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let name = aftercare::web_pack::pack_name(&files.digest());
    if let Err(e) = std::fs::write(dir.join(&name), aftercare::web_pack::encode(&verdict)) {
        eprintln!("error: cannot write {}: {e}", dir.join(&name).display());
        return ExitCode::from(2);
    }
    println!("{name}");
    ExitCode::SUCCESS
}
