fn main() -> std::process::ExitCode {
    bilateral::cli::main()
}
