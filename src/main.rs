//! The `lap-studio` command.

fn main() -> std::process::ExitCode {
    lap_studio::cli::main()
}
