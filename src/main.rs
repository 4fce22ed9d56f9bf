fn main() -> std::process::ExitCode {
    // The command line parses and evaluates queries on this thread (`bilateral query`): give it
    // the same large stack as the server's threads (address space; only touched pages count).
    std::thread::Builder::new()
        .name("bilateral".to_owned())
        .stack_size(bilateral::http::THREAD_STACK_BYTES)
        .spawn(bilateral::cli::main)
        .map_or(std::process::ExitCode::FAILURE, |t| {
            t.join().unwrap_or(std::process::ExitCode::FAILURE)
        })
}
