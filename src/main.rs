//! The `lap-studio` command.

/// An export allocates and frees a great many small objects (operations, tags, PDF objects):
/// mimalloc does that in a fraction of the system allocator's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    lap_studio::cli::main()
}
