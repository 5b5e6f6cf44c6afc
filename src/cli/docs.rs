//! `aftercare completions SHELL` and `aftercare man`: generated from the same clap definition
//! the parser uses, so they cannot drift from the real options.

use std::process::ExitCode;

use super::{docs_command, out};

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut docs_command(), "aftercare", &mut script);
    out::print_then(&String::from_utf8_lossy(&script), ExitCode::SUCCESS)
}

/// Prints the manual page (roff): aftercare(1), or a subcommand's own page (aftercare-check(1)),
/// which aftercare(1) refers to.
pub fn man(subcommand: Option<&str>) -> ExitCode {
    // Each subcommand's page has --content and --config if it takes them.
    let mut cmd = docs_command();
    if let Some(name) = subcommand {
        let Some(sub) = cmd.find_subcommand(name) else {
            let names: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
            eprintln!(
                "error: no subcommand '{name}'\n  hint: the subcommands are: {}",
                names.join(", ")
            );
            return ExitCode::from(2);
        };
        let page = format!("aftercare-{name}");
        cmd = sub
            .clone()
            .name(page)
            .bin_name(format!("aftercare {name}"))
            .version(env!("CARGO_PKG_VERSION"));
    }
    let mut page = Vec::new();
    if let Err(e) = clap_mangen::Man::new(cmd).render(&mut page) {
        eprintln!("error: could not make the manual page: {e}");
        return ExitCode::from(2);
    }
    out::print_then(&String::from_utf8_lossy(&page), ExitCode::SUCCESS)
}
