//! The command line: argument parsing (clap) and one function per command.

// The doc comments of the argument types are the --help text people read: plain words, no
// Markdown backticks.
#![expect(clippy::doc_markdown, reason = "doc comments here are --help text")]

use crate::http::{self, Config};
use crate::store::{Database, Limits, OutputFormat, QueryForm, StoreError, prepare_query};
use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::CancellationToken;
use oxigraph::sparql::results::QueryResultsFormat;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// A knowledge graph of the relations between countries, from news articles, with the
/// provenance of every statement, served over SPARQL 1.1.
#[derive(Debug, Parser)]
#[command(name = "bilateral", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the store over HTTP: SPARQL 1.1 endpoint, Graph Store, analyst pages.
    ///
    /// On a new (empty) store it first loads the ontology and the reference data from ontology/
    /// and seed-data/ (each file into its own named graph), then ingests the seed articles of
    /// seed-data/articles/. Without --update-token it is read-only.
    Serve(ServeArgs),
    /// Run a SPARQL query against the store and print the answer.
    Query(QueryArgs),
    /// Load RDF files (Turtle, N-Triples, RDF/XML, TriG, N-Quads, JSON-LD) with the bulk loader.
    Load(LoadArgs),
    /// Write the whole store (every graph) to standard output or a file.
    Export(ExportArgs),
    /// Show what would be stored for one article, without a store: countries, officials,
    /// events, claims, provenance, each with the exact span of text it came from.
    Extract(ExtractArgs),
    /// Ingest articles (files or directories of .txt/.md files), on every core, in batches
    /// that each go into the store in one atomic step; the same text twice changes nothing.
    Ingest(IngestArgs),
    /// Remove exactly what one article brought (by its id or IRI).
    Retract(RetractArgs),
    /// Recompute each article graph's RDFC-1.0 digest and compare it with the recorded one.
    Verify(VerifyArgs),
    /// Check every article graph against the SHACL shapes in ontology/shapes.ttl.
    Validate(StoreOnlyArgs),
    /// Examine a store directory without changing it: is it a store, is it damaged, is it
    /// seeded, how much does it hold. With --repair, fix what can be fixed (after a backup).
    Doctor(DoctorArgs),
    /// Write a consistent copy of the store (a RocksDB checkpoint) into a new directory.
    /// Stop the server first: it holds the store.
    Backup(BackupArgs),
    /// Make a store from a backup: copies the backup into --data (which must be new or empty)
    /// and checks that it opens and that every article graph matches its digest.
    Restore(RestoreArgs),
    /// Compact the store: merge the files a large ingest leaves behind so that each lookup reads
    /// one file per level. Queries after a bulk ingest of many articles get much faster (see
    /// docs/BENCHMARKS.md). Takes minutes on a large store; stop the server first.
    Compact(CompactArgs),
}

#[derive(Debug, Args)]
struct CompactArgs {
    #[command(flatten)]
    store: StoreArgs,
}

#[derive(Debug, Args)]
struct DoctorArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// Repair what can be repaired: a missing or wrong CURRENT file (the manifest that holds
    /// the data is found by opening each one read-only), an incomplete seed. The directory is
    /// copied to DIR.backup-TIME first.
    #[arg(long)]
    repair: bool,
    /// The base of the IRIs.
    #[arg(long, default_value = crate::DEFAULT_BASE_IRI, env = "BILATERAL_BASE_IRI")]
    base_iri: String,
}

#[derive(Debug, Args)]
struct BackupArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// The directory to create for the backup (must not exist).
    target: PathBuf,
}

#[derive(Debug, Args)]
struct RestoreArgs {
    /// The backup directory (made by `bilateral backup`).
    backup: PathBuf,
    #[command(flatten)]
    store: StoreArgs,
}

#[derive(Debug, Args)]
struct IngestArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// Article files or directories.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The base of the IRIs (must match the server's --base-iri).
    #[arg(long, default_value = crate::DEFAULT_BASE_IRI, env = "BILATERAL_BASE_IRI")]
    base_iri: String,
    /// Articles per batch. Each batch goes into the store in one atomic step (RocksDB files
    /// written beside the store, then ingested): after a crash a batch is wholly there or not
    /// at all, and ingesting the same files again skips what is stored. Larger batches load
    /// faster and hold more in memory: a batch is committed while the next is gathered, about
    /// 1 MB per article of the batch at the peak.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    batch: u32,
    /// Threads that read, extract and model articles while one writes (default: the number of
    /// cores).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=256))]
    threads: Option<u16>,
    /// Do not compact the store at the end. By default an ingest that grew the store's files
    /// by a quarter or more compacts it (as `bilateral compact` does): the files a bulk ingest
    /// adds each span every key, and until they are merged each lookup reads all of them
    /// (stored queries 2-7x slower; at 100,000 articles, a store twice as large). Smaller
    /// ingests leave it to
    /// RocksDB's background compaction, which a running server does as it goes.
    #[arg(long)]
    no_compact: bool,
}

#[derive(Debug, Args)]
struct RetractArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// The article's id (16 hex digits) or IRI.
    article: String,
    /// The base of the IRIs.
    #[arg(long, default_value = crate::DEFAULT_BASE_IRI, env = "BILATERAL_BASE_IRI")]
    base_iri: String,
}

#[derive(Debug, Args)]
struct VerifyArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// The base of the IRIs; the checks are recorded in the graph <BASE>graph/verification.
    #[arg(long, default_value = crate::DEFAULT_BASE_IRI, env = "BILATERAL_BASE_IRI")]
    base_iri: String,
}

#[derive(Debug, Args)]
struct StoreOnlyArgs {
    #[command(flatten)]
    store: StoreArgs,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// The article: UTF-8 text, with an optional header of key: value lines closed by ---.
    file: PathBuf,
    /// json (the contract of DESIGN.md), trig or nquads (the RDF that would be stored).
    #[arg(long, default_value = "json")]
    format: String,
    /// The base of the IRIs.
    #[arg(long, default_value = crate::DEFAULT_BASE_IRI)]
    base_iri: String,
}

#[derive(Debug, Args)]
struct StoreArgs {
    /// The store directory (RocksDB). Created when missing or empty; a directory that holds
    /// something else, or a damaged store, is refused and left as it is.
    #[arg(long, default_value = "data", env = "BILATERAL_DATA")]
    data: PathBuf,
    /// The memory RocksDB keeps for the store's blocks it has read, in MB (one cache for the
    /// whole store). More makes overviews that read much of a large store faster when run
    /// again (about a quarter faster with 1024 at 100,000 articles); bound queries do not need it.
    #[arg(long, default_value_t = 128, env = "BILATERAL_BLOCK_CACHE_MB",
          value_parser = clap::value_parser!(u64).range(8..=1_048_576))]
    block_cache_mb: u64,
}

#[derive(Debug, Args)]
struct ServeArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// Use a throw-away store in memory instead of --data.
    #[arg(long)]
    in_memory: bool,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:7878", env = "BILATERAL_BIND")]
    bind: SocketAddr,
    /// The base of every IRI the service mints (ends with /). The server answers `/id/...` for
    /// this base on whatever host and port it is reached; a store keeps the base it was made
    /// with, and the server refuses to start on it under another.
    #[arg(long, default_value = crate::DEFAULT_BASE_IRI, env = "BILATERAL_BASE_IRI")]
    base_iri: String,
    /// The bearer token that allows writes (/update, /store writes, POST /articles).
    /// Without it the service is read-only.
    #[arg(long, env = "BILATERAL_UPDATE_TOKEN", hide_env_values = true)]
    update_token: Option<String>,
    /// The time limit of one query (and of one update), in seconds.
    #[arg(long, default_value_t = 30)]
    query_timeout: u64,
    /// The most queries evaluated at once; past it a query waits up to 2 s for a slot, then
    /// gets 503 (default: twice the cores, at least 4).
    #[arg(long)]
    max_concurrent_queries: Option<usize>,
    /// The largest request body accepted, in bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    max_body_bytes: usize,
    /// The most rows (or triples) one answer may hold.
    #[arg(long, default_value_t = 100_000)]
    max_rows: usize,
    /// The most memory one query may take while it is evaluated and its answer written, in
    /// MB; past it the query is stopped and answered 503 (the memory is given back).
    #[arg(long, default_value_t = 1024, value_parser = clap::value_parser!(u64).range(16..=1_048_576))]
    query_memory_mb: u64,
}

#[derive(Debug, Args)]
struct QueryArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// The SPARQL query text.
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    query: Option<String>,
    /// Read the query from this file (for example one of queries/*.rq).
    #[arg(long, short)]
    file: Option<PathBuf>,
    /// Output: table (the default on a terminal), json, xml, csv, tsv (the default otherwise);
    /// for CONSTRUCT/DESCRIBE: turtle (default), ntriples, rdfxml, jsonld.
    #[arg(long)]
    format: Option<String>,
    /// Stop the query after this many seconds (0: no limit).
    #[arg(long, default_value_t = 0)]
    timeout: u64,
    /// Bind a variable before evaluation, NAME=VALUE (repeatable): how the stored queries in
    /// queries/ take their parameters. VALUE is an IRI (<...> or http...), or a string.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// Print the plan the optimizer chose instead of the answer: the query runs to its end and
    /// each step of the plan shows its rows and time (JSON). For finding why a query is slow.
    #[arg(long)]
    explain: bool,
}

#[derive(Debug, Args)]
struct LoadArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// RDF files; the format comes from the extension.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Put triples of graph formats (Turtle, N-Triples...) into this named graph instead of
    /// the default graph.
    #[arg(long)]
    graph: Option<String>,
    /// The base of the IRIs (for the reference data loaded into a new store).
    #[arg(long, default_value = crate::DEFAULT_BASE_IRI, env = "BILATERAL_BASE_IRI")]
    base_iri: String,
    /// Do not compact the store at the end (by default a load that grew the store's files by
    /// a quarter or more compacts it, as `ingest` does; see `ingest --help`).
    #[arg(long)]
    no_compact: bool,
}

#[derive(Debug, Args)]
struct ExportArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// trig or nquads.
    #[arg(long, default_value = "trig")]
    format: String,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// Parses the arguments, runs the command and turns an error into one line on stderr.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let chain: Vec<String> = e.chain().map(ToString::to_string).collect();
            // A reader that stopped early (`| head`) is not an error.
            if chain.iter().any(|c| c.contains("Broken pipe")) {
                return ExitCode::SUCCESS;
            }
            eprintln!("bilateral: {}", chain.join(": "));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    if let Some(store) = store_args(&cli.command) {
        oxigraph::store::set_block_cache_bytes(
            usize::try_from(store.block_cache_mb << 20).unwrap_or(usize::MAX),
        );
    }
    match cli.command {
        Command::Serve(args) => serve(args),
        Command::Query(args) => query(&args),
        Command::Load(args) => load(&args),
        Command::Export(args) => export(&args),
        Command::Extract(args) => extract(&args),
        Command::Ingest(args) => ingest(&args),
        Command::Retract(args) => retract(&args),
        Command::Verify(args) => verify(&args),
        Command::Validate(args) => validate(&args),
        Command::Doctor(args) => doctor(&args),
        Command::Backup(args) => backup(&args),
        Command::Restore(args) => restore(&args),
        Command::Compact(args) => compact(&args),
    }
}

/// The store options of a command that opens a store (all but `extract`).
fn store_args(command: &Command) -> Option<&StoreArgs> {
    Some(match command {
        Command::Serve(a) => &a.store,
        Command::Query(a) => &a.store,
        Command::Load(a) => &a.store,
        Command::Export(a) => &a.store,
        Command::Extract(_) => return None,
        Command::Ingest(a) => &a.store,
        Command::Retract(a) => &a.store,
        Command::Verify(a) => &a.store,
        Command::Validate(a) => &a.store,
        Command::Doctor(a) => &a.store,
        Command::Backup(a) => &a.store,
        Command::Restore(a) => &a.store,
        Command::Compact(a) => &a.store,
    })
}

/// Opens the store to write, explaining the usual failure (another process holds it).
pub fn open_store(dir: &Path) -> Result<Database> {
    Database::open(dir).map_err(|e| explain_open(dir, e))
}

/// Opens the store read-only (a snapshot; works beside a running server).
pub fn open_store_read_only(dir: &Path) -> Result<Database> {
    Database::open_read_only(dir).map_err(|e| explain_open(dir, e))
}

fn explain_open(dir: &Path, e: StoreError) -> anyhow::Error {
    let text = e.to_string();
    if text.contains("lock") || text.contains("LOCK") {
        anyhow::anyhow!(
            "the store in {} is in use by another process (is `bilateral serve` running on it?)",
            dir.display()
        )
    } else {
        e.into()
    }
}

/// Opens the store to write and completes its seed when it is new or its first seeding was
/// interrupted (serve, ingest and load all do this).
fn open_seeded(dir: &Path, base: &str) -> Result<Database> {
    let db = open_store(dir)?;
    report_seed(crate::seed::ensure_seeded(&db, base).context("cannot seed the store")?);
    Ok(db)
}

fn report_seed(seeded: Option<crate::seed::Seeded>) {
    if let Some(seeded) = seeded {
        let quads: usize = seeded.files.iter().map(|l| l.quads).sum();
        tracing::info!(
            files = seeded.files.len(),
            quads,
            articles = seeded.articles.len(),
            "new store: loaded the ontology, the reference data and the seed articles"
        );
        if !tracing::dispatcher::has_been_set() {
            eprintln!(
                "new store: loaded the ontology and reference data ({} files, {quads} quads) and {} seed article(s)",
                seeded.files.len(),
                seeded.articles.len()
            );
        }
    }
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr)
        .try_init();
}

fn serve(args: ServeArgs) -> Result<()> {
    init_logging();
    if !args.base_iri.ends_with('/') {
        bail!("--base-iri must end with `/` (got {})", args.base_iri);
    }
    NamedNode::new(args.base_iri.as_str())
        .with_context(|| format!("--base-iri {} is not an IRI", args.base_iri))?;
    let update_token = match args.update_token.as_deref() {
        None => None,
        Some(t) => Some(http::check_token(t).map_err(|e| anyhow::anyhow!("--update-token: {e}"))?),
    };
    let db = if args.in_memory {
        let db = Database::in_memory()?;
        report_seed(crate::seed::ensure_seeded(&db, &args.base_iri).context("cannot seed the new store")?);
        db
    } else {
        open_seeded(&args.store.data, &args.base_iri)?
    };
    let config = Config {
        base_iri: args.base_iri,
        update_token,
        query_timeout: Duration::from_secs(args.query_timeout.max(1)),
        max_concurrent_queries: args
            .max_concurrent_queries
            .unwrap_or_else(http::default_concurrent_queries)
            .max(1),
        queue_wait: Duration::from_secs(2),
        query_memory: usize::try_from(args.query_memory_mb << 20).unwrap_or(usize::MAX),
        max_body_bytes: args.max_body_bytes,
        limits: Limits {
            max_rows: args.max_rows,
        },
        queries_dir: crate::resource_dir("queries"),
    };
    let writable = config.update_token.is_some();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(http::THREAD_STACK_BYTES)
        .build()?;
    let state = http::state(db.clone(), config);
    let served = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .with_context(|| format!("cannot listen on {}", args.bind))?;
        let quads = db.len().unwrap_or(0);
        warn_if_iris_point_elsewhere(&state.config.base_iri, listener.local_addr()?);
        tracing::info!(
            "serving http://{} ({} quads; {}; {}; at most {} queries at once)",
            listener.local_addr()?,
            quads,
            if args.in_memory {
                "in memory".to_owned()
            } else {
                format!("store in {}", args.store.data.display())
            },
            if writable {
                "writes allowed with the token"
            } else {
                "read-only"
            },
            state.config.max_concurrent_queries
        );
        let app = http::router_with_state(std::sync::Arc::clone(&state))
            .into_make_service_with_connect_info::<SocketAddr>();
        let (signalled_tx, signalled_rx) = tokio::sync::oneshot::channel::<()>();
        let on_signal = {
            let state = std::sync::Arc::clone(&state);
            async move {
                shutdown_signal().await;
                tracing::info!(
                    running = state.running(),
                    "shutting down: stopping the queries in flight, finishing the writes"
                );
                state.cancel_all();
                let _ = signalled_tx.send(());
            }
        };
        let server = axum::serve(listener, app).with_graceful_shutdown(on_signal);
        let deadline = async {
            if signalled_rx.await.is_ok() {
                tokio::time::sleep(SHUTDOWN_GRACE).await;
            } else {
                std::future::pending::<()>().await;
            }
        };
        tokio::select! {
            result = server => result?,
            () = deadline => tracing::warn!("requests still open {} s after the signal: closing them", SHUTDOWN_GRACE.as_secs()),
        }
        anyhow::Ok(())
    });
    // Blocking tasks still running (a query past its check, a write being committed) are not
    // waited for beyond a second: a write is one transaction, committed whole or not at all.
    runtime.shutdown_timeout(Duration::from_secs(1));
    served?;
    db.flush()?;
    tracing::info!("stopped");
    Ok(())
}

/// Says where the IRIs this service mints are resolved: `/id/...` on this server answers for
/// the base, whatever address it is reached on.
fn warn_if_iris_point_elsewhere(base_iri: &str, local: SocketAddr) {
    let served_at = format!("http://{local}/");
    if !base_iri.starts_with(&served_at) {
        tracing::info!(
            "IRIs are minted under {base_iri}; this server resolves them at {served_at}id/… (for \
             clients that dereference {base_iri} itself, redirect it here or give --base-iri with this \
             server's public address when the store is made)"
        );
    }
}

/// How long the server waits, after SIGTERM or Ctrl-C, for the requests in flight.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(8);

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

fn query(args: &QueryArgs) -> Result<()> {
    let text = match (&args.query, &args.file) {
        (_, Some(file)) => {
            std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?
        }
        (Some(q), None) => q.clone(),
        (None, None) => bail!("give a query or --file"),
    };
    let db = open_store_read_only(&args.store.data)?;
    // The summary's counts are made again when a writer opens the store; read-only, say so.
    if text.contains("PairCameoCount")
        && !crate::seed::minted_bases(&db)?
            .iter()
            .all(|base| crate::summary::is_current(&db, base).unwrap_or(false))
    {
        eprintln!(
            "warning: the summary's counts are out of date (a bulk ingest or load stopped half-way); `bilateral serve` or `bilateral ingest` on this store counts them again"
        );
    }
    let mut prepared = prepare_query(&text, Some(crate::DEFAULT_BASE_IRI), &[], &[])?;
    let mut bindings = Vec::new();
    // A stored query declares its parameters (a country takes its ISO code, as over HTTP).
    let declared = crate::http::queries::parameters(&text);
    for param in &args.params {
        let (name, value) = param
            .split_once('=')
            .with_context(|| format!("--param {param} is not NAME=VALUE"))?;
        let name = name.trim_start_matches(['?', '$']);
        let term = match declared.iter().find(|p| p.name == name) {
            Some(p) => crate::http::queries::value(p, value, crate::DEFAULT_BASE_IRI)
                .map_err(|e| anyhow::anyhow!("--param {param}: {e}"))?,
            None => parse_value(value)?,
        };
        bindings.push((name.to_owned(), term));
    }
    prepared.bind_parameters(&text, &bindings)?;
    let token = CancellationToken::new();
    if args.timeout > 0 {
        let t = token.clone();
        let limit = Duration::from_secs(args.timeout);
        std::thread::spawn(move || {
            std::thread::sleep(limit);
            t.cancel();
        });
    }
    if args.explain {
        let started = std::time::Instant::now();
        let (rows, plan) = db.explain(&prepared, Some(token)).map_err(explain_cancel)?;
        println!("{plan}");
        eprintln!(
            "{rows} rows in {:.1} ms",
            started.elapsed().as_secs_f64() * 1000.0
        );
        return Ok(());
    }
    let limits = Limits { max_rows: usize::MAX };
    let terminal = std::io::stdout().is_terminal();
    let format = args.format.as_deref().map(str::to_ascii_lowercase);
    let output = match (prepared.form, format.as_deref()) {
        (QueryForm::Graph, f) => {
            let rdf = match f.unwrap_or("turtle") {
                "turtle" | "ttl" => RdfFormat::Turtle,
                "ntriples" | "nt" => RdfFormat::NTriples,
                "rdfxml" | "xml" => RdfFormat::RdfXml,
                "jsonld" | "json" => RdfFormat::JsonLd {
                    profile: oxigraph::io::JsonLdProfileSet::empty(),
                },
                other => bail!(
                    "--format {other} does not fit a CONSTRUCT or DESCRIBE query; use turtle, ntriples, rdfxml or jsonld"
                ),
            };
            db.query(&prepared, OutputFormat::Rdf(rdf), &limits, Some(token))
                .map_err(explain_cancel)?
        }
        (_, None | Some("table")) if terminal || format.is_some() => {
            let table = db
                .query_table(&prepared, &limits, Some(token))
                .map_err(explain_cancel)?;
            render_table(&table).into_bytes()
        }
        (_, f) => {
            let results = match f.unwrap_or("tsv") {
                "json" => QueryResultsFormat::Json,
                "xml" => QueryResultsFormat::Xml,
                "csv" => QueryResultsFormat::Csv,
                "tsv" => QueryResultsFormat::Tsv,
                other => bail!("--format {other} is not a results format; use table, json, xml, csv or tsv"),
            };
            db.query(&prepared, OutputFormat::Results(results), &limits, Some(token))
                .map_err(explain_cancel)?
        }
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&output)?;
    stdout.flush()?;
    Ok(())
}

/// Runs `work` with a spinner and the time elapsed on a terminal (nothing otherwise): for long
/// steps that cannot count their progress, such as a compaction.
fn with_spinner<T>(message: &'static str, work: impl FnOnce() -> T) -> T {
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    spinner.set_message(message);
    spinner.enable_steady_tick(Duration::from_millis(250));
    let out = work();
    spinner.finish_and_clear();
    out
}

/// Compacts the store when a bulk write (`what`: "ingest", "load") grew its table files by a
/// quarter or more since they were `size_before` bytes: the files a bulk write adds each span
/// every key, and until they are merged each lookup reads all of them. A smaller write into a
/// large store does not pay for rewriting all of it (RocksDB's own background compaction, which a
/// running server does, merges them as it goes).
fn compact_if_grown(db: &Database, dir: &Path, size_before: u64, what: &str) -> Result<()> {
    let size_after = table_bytes(dir);
    if size_after < size_before + size_before / 4 {
        return Ok(());
    }
    let mb = |b: u64| b / 1_000_000;
    eprintln!(
        "compacting the store ({} MB of tables, {} MB before this {what}; --no-compact skips this)",
        mb(size_after),
        mb(size_before)
    );
    let started = std::time::Instant::now();
    with_spinner("compacting", || db.compact())?;
    eprintln!(
        "compacted in {:.1} s: {} MB of tables",
        started.elapsed().as_secs_f64(),
        mb(table_bytes(dir))
    );
    Ok(())
}

/// The RocksDB table files of a store: how many, and their bytes.
fn tables(dir: &Path) -> (usize, u64) {
    std::fs::read_dir(dir).map_or((0, 0), |d| {
        d.filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "sst"))
            .fold((0, 0), |(n, bytes), e| {
                (n + 1, bytes + e.metadata().map_or(0, |m| m.len()))
            })
    })
}

fn table_bytes(dir: &Path) -> u64 {
    tables(dir).1
}

fn compact(args: &CompactArgs) -> Result<()> {
    let db = open_store(&args.store.data)?;
    let (files, bytes) = tables(&args.store.data);
    eprintln!(
        "compacting {} ({files} table files, {} MB; minutes on a large store)",
        args.store.data.display(),
        bytes / 1_000_000
    );
    let started = std::time::Instant::now();
    with_spinner("compacting", || db.compact())?;
    let (files, bytes) = tables(&args.store.data);
    eprintln!(
        "compacted in {:.1} s: {files} table files, {} MB",
        started.elapsed().as_secs_f64(),
        bytes / 1_000_000
    );
    Ok(())
}

fn explain_cancel(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::Cancelled => anyhow::anyhow!("the query ran past --timeout and was stopped"),
        other => other.into(),
    }
}

/// A short text for a term in a table cell.
pub fn term_text(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => format!("<{}>", n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(
            unreachable_patterns,
            reason = "RDF 1.2 triple terms exist only with a feature"
        )]
        other => other.to_string(),
    }
}

/// Renders a table with aligned columns, cells cut at 80 characters.
pub fn render_table(table: &crate::store::Table) -> String {
    let cut = |s: String| {
        if s.chars().count() > 80 {
            format!("{}…", s.chars().take(79).collect::<String>())
        } else {
            s
        }
    };
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| cut(c.as_ref().map(term_text).unwrap_or_default()))
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = table.variables.iter().map(|v| v.chars().count()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |items: &[String]| {
        let mut s = String::new();
        for (i, (item, w)) in items.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str(" | ");
            }
            s.push_str(item);
            s.push_str(&" ".repeat(w.saturating_sub(item.chars().count())));
        }
        s.trim_end().to_owned() + "\n"
    };
    let mut out = line(&table.variables);
    out.push_str(
        &widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-"),
    );
    out.push('\n');
    for row in &cells {
        out.push_str(&line(row));
    }
    let _ = writeln!(out, "({} rows)", cells.len());
    out
}

fn load(args: &LoadArgs) -> Result<()> {
    let db = open_seeded(&args.store.data, &args.base_iri)?;
    let size_before = table_bytes(&args.store.data);
    let graph = args
        .graph
        .as_deref()
        .map(|g| NamedNode::new(g).with_context(|| format!("--graph {g} is not an IRI")))
        .transpose()?;
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg} {pos} quads ({per_sec})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    let mut total_files = 0;
    // Loaded RDF can hold events: the summary's counts are out of date until counted again.
    crate::summary::invalidate(&db, &args.base_iri)?;
    for file in &args.files {
        let format = crate::store::format_of_path(file).with_context(|| {
            format!(
                "{}: unknown RDF format (use .ttl, .nt, .rdf, .trig, .nq or .jsonld)",
                file.display()
            )
        })?;
        bar.set_message(file.display().to_string());
        let b = bar.clone();
        let start = bar.position();
        db.bulk_load(file, format, graph.clone(), move |n| b.set_position(start + n))
            .with_context(|| format!("cannot load {}", file.display()))?;
        total_files += 1;
    }
    bar.finish_and_clear();
    crate::summary::rebuild(&db, &args.base_iri)?;
    eprintln!(
        "loaded {total_files} file(s); the store now holds {} quads",
        db.len()?
    );
    if !args.no_compact {
        compact_if_grown(&db, &args.store.data, size_before, "load")?;
    }
    Ok(())
}

fn export(args: &ExportArgs) -> Result<()> {
    let format = match args.format.to_ascii_lowercase().as_str() {
        "trig" => RdfFormat::TriG,
        "nquads" | "nq" => RdfFormat::NQuads,
        other => bail!("--format {other} cannot hold several graphs; use trig or nquads"),
    };
    let db = open_store_read_only(&args.store.data)?;
    if let Some(path) = &args.output {
        // Write beside the target, then rename: an interrupted export leaves no half file.
        let tmp = path.with_extension("partial");
        let file = std::fs::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        let mut w = db.export(format, std::io::BufWriter::new(file))?;
        w.flush()?;
        std::fs::rename(&tmp, path)?;
    } else {
        let mut w = db.export(format, std::io::BufWriter::new(std::io::stdout().lock()))?;
        w.flush()?;
    }
    Ok(())
}

/// Reads an article file, refusing what is not an article with one clear sentence.
pub fn read_article(path: &Path) -> Result<crate::article::Article> {
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if meta.is_dir() {
        bail!("{} is a directory; give an article file", path.display());
    }
    if usize::try_from(meta.len()).unwrap_or(usize::MAX) > crate::article::MAX_ARTICLE_BYTES {
        bail!(
            "{}: the article is {} bytes, more than the limit of {} bytes",
            path.display(),
            meta.len(),
            crate::article::MAX_ARTICLE_BYTES
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let article = crate::article::read(&bytes).with_context(|| path.display().to_string())?;
    if article.unclosed_header() {
        eprintln!(
            "warning: {}: the first lines look like a header (key: value), but no line `---` closes it, so they are read as body text and the article has no date or publisher; put a line `---` after them",
            path.display()
        );
    }
    Ok(article)
}

fn extract(args: &ExtractArgs) -> Result<()> {
    let article = read_article(&args.file)?;
    let extraction = crate::extract::extract(&article, &args.base_iri);
    let mut stdout = std::io::stdout().lock();
    match args.format.to_ascii_lowercase().as_str() {
        "json" => {
            serde_json::to_writer_pretty(&mut stdout, &extraction)?;
            writeln!(stdout)?;
        }
        "trig" | "nquads" | "nq" => {
            let graphs = crate::model::model(
                &extraction,
                &article.text,
                &args.base_iri,
                &crate::model::Run::now(),
            )?;
            let format = if args.format.eq_ignore_ascii_case("trig") {
                RdfFormat::TriG
            } else {
                RdfFormat::NQuads
            };
            stdout.write_all(&crate::model::serialize(&graphs.quads, format)?)?;
        }
        other => bail!("--format {other} is not available; use json, trig or nquads"),
    }
    stdout.flush()?;
    Ok(())
}

/// The article files of the given paths: files as given, directories walked for .txt and
/// .md files, sorted.
pub fn article_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut stack = vec![path.clone()];
            let mut found = Vec::new();
            while let Some(dir) = stack.pop() {
                for entry in
                    std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?
                {
                    let p = entry?.path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().is_some_and(|e| e == "txt" || e == "md") {
                        found.push(p);
                    }
                }
            }
            found.sort();
            out.extend(found);
        } else if path.exists() {
            out.push(path.clone());
        } else {
            bail!("{} does not exist", path.display());
        }
    }
    Ok(out)
}

fn ingest(args: &IngestArgs) -> Result<()> {
    let files = article_files(&args.paths)?;
    if files.is_empty() {
        bail!("no article files (.txt, .md) in the given paths");
    }
    let db = open_seeded(&args.store.data, &args.base_iri)?;
    let size_before = table_bytes(&args.store.data);
    let bar = indicatif::ProgressBar::new(files.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} articles {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let (mut stored, mut quads, mut duplicates, mut repaired) = (0, 0, 0, 0);
    let mut failures: Vec<String> = Vec::new();
    let bulk = crate::ingest::Bulk {
        batch: args.batch as usize,
        threads: args.threads.map_or_else(
            || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
            usize::from,
        ),
    };
    let read =
        |i: usize| read_bytes(&files[i]).map_err(|e| crate::ingest::IngestError::Read(format!("{e:#}")));
    let finished = crate::ingest::ingest_many(&db, files.len(), read, &args.base_iri, bulk, |i, result| {
        bar.set_message(
            files[i]
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        match result {
            Ok(o) if o.duplicate => duplicates += 1,
            Ok(o) if o.repaired => {
                repaired += 1;
                quads += o.quads;
            }
            Ok(o) => {
                stored += 1;
                quads += o.quads;
            }
            Err(e) => failures.push(format!("{}: {e}", files[i].display())),
        }
        bar.inc(1);
    });
    if let Err(e) = finished {
        bar.finish_and_clear();
        let left = files.len() - usize::try_from(bar.position()).unwrap_or(0);
        eprintln!(
            "ingested {stored} article(s), {quads} quads, before the store failed: {e}; {left} article(s) were not stored (ingest them again: what is stored is skipped)"
        );
        for f in &failures {
            eprintln!("  {f}");
        }
        bail!("the store failed: {e}");
    }
    bar.finish_and_clear();
    eprintln!(
        "ingested {stored} article(s), {quads} quads; {duplicates} duplicate(s) skipped; {repaired} damaged article(s) rewritten; {} failed",
        failures.len()
    );
    for f in &failures {
        eprintln!("  {f}");
    }
    if !args.no_compact && stored + repaired > 0 {
        compact_if_grown(&db, &args.store.data, size_before, "ingest")?;
    }
    if failures.is_empty() {
        Ok(())
    } else {
        bail!("{} article(s) could not be ingested", failures.len())
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if usize::try_from(meta.len()).unwrap_or(usize::MAX) > crate::article::MAX_ARTICLE_BYTES {
        bail!(
            "the article is {} bytes, more than the limit of {} bytes",
            meta.len(),
            crate::article::MAX_ARTICLE_BYTES
        );
    }
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

fn retract(args: &RetractArgs) -> Result<()> {
    let Some(id) = crate::ingest::article_id(&args.article) else {
        bail!(
            "{} is not an article id (16 hex digits) or article IRI",
            args.article
        );
    };
    let db = open_store(&args.store.data)?;
    let removed = crate::ingest::retract(&db, &args.base_iri, &id)?;
    if removed == 0 {
        bail!("there is no article {id} in the store");
    }
    eprintln!("retracted article {id}: {removed} quads removed");
    Ok(())
}

fn verify(args: &VerifyArgs) -> Result<()> {
    let db = open_store(&args.store.data)?;
    let results = crate::ingest::verify(&db)?;
    crate::ingest::record_verification(&db, &args.base_iri, &results)?;
    let bad: Vec<_> = results.iter().filter(|v| !v.ok()).collect();
    for v in &bad {
        eprintln!(
            "  {}: recorded {}, now {}",
            v.graph,
            v.recorded.as_deref().unwrap_or("(none)"),
            v.actual
        );
    }
    eprintln!(
        "{} article graph(s) checked, {} changed since ingestion",
        results.len(),
        bad.len()
    );
    if bad.is_empty() {
        Ok(())
    } else {
        bail!("{} article graph(s) no longer match their digest", bad.len())
    }
}

fn validate(args: &StoreOnlyArgs) -> Result<()> {
    let db = open_store_read_only(&args.store.data)?;
    let shapes = std::fs::read_to_string(crate::resource_dir("ontology").join("shapes.ttl"))
        .context("cannot read ontology/shapes.ttl")?;
    let report = crate::shacl::validate(&db, &shapes)?;
    for v in report.violations.iter().take(50) {
        eprintln!("  {v}");
    }
    eprintln!(
        "{} focus node(s) checked against {} shape(s): {} violation(s)",
        report.focus_nodes,
        report.shapes,
        report.violations.len()
    );
    if report.violations.is_empty() {
        Ok(())
    } else {
        bail!("the store does not conform to the shapes")
    }
}

fn doctor(args: &DoctorArgs) -> Result<()> {
    use crate::store::{DirState, inspect};
    let dir = &args.store.data;
    let state = inspect(dir)?;
    let d = dir.display();
    match &state {
        DirState::Missing => bail!("there is no directory {d}"),
        DirState::Empty => {
            eprintln!("{d} is empty: a new store will be made there on the first serve, ingest or load");
            return Ok(());
        }
        DirState::NotADirectory | DirState::Foreign { .. } => {
            bail!("{}", crate::store::describe_damage(dir, &state))
        }
        DirState::Store { manifest } => {
            eprintln!("{d}: a RocksDB store (CURRENT names {manifest}, which is there)");
        }
        DirState::NoCurrent { .. } => {
            eprintln!("{}", crate::store::describe_damage(dir, &state));
            if !args.repair {
                bail!("the store is damaged; run again with --repair to repair it");
            }
            let backup = backup_copy(dir)?;
            eprintln!("backed the directory up to {}", backup.display());
            let (manifest, quads) = crate::store::repair_current(dir)?;
            eprintln!("repaired: CURRENT now names {manifest}; the store holds {quads} quads");
        }
    }
    let (quads, graphs, seeded) = {
        let db = open_store_read_only(dir)?;
        (
            db.len()?,
            db.graph_count()?,
            crate::seed::is_seeded(&db, &args.base_iri)?,
        )
    };
    eprintln!(
        "{quads} quads in {graphs} named graphs; seeded: {}",
        if seeded { "yes" } else { "no" }
    );
    if !seeded {
        if args.repair {
            let db = open_store(dir)?;
            crate::seed::ensure_seeded(&db, &args.base_iri).context("cannot seed the store")?;
            eprintln!("completed the seed (ontology, reference data, seed articles)");
        } else {
            eprintln!(
                "the reference data is missing or incomplete: --repair (or the next serve, ingest or load) completes it"
            );
        }
    }
    let db = open_store_read_only(dir)?;
    let results = crate::ingest::verify(&db)?;
    let bad = results.iter().filter(|v| !v.ok()).count();
    eprintln!(
        "{} article graph(s), {bad} whose digest no longer matches",
        results.len()
    );
    if bad > 0 {
        eprintln!("  re-ingest their text (bilateral ingest) to rewrite them, or retract them");
    }
    Ok(())
}

/// Copies a store directory (flat: RocksDB keeps no subdirectories) to DIR.backup-UNIXTIME.
fn backup_copy(dir: &Path) -> Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut target = dir.as_os_str().to_owned();
    target.push(format!(".backup-{secs}"));
    let target = PathBuf::from(target);
    copy_dir(dir, &target)?;
    Ok(target)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    for entry in std::fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))? {
        let entry = entry?;
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()))?;
        } else {
            std::fs::copy(&path, to.join(entry.file_name()))
                .with_context(|| format!("cannot copy {}", path.display()))?;
        }
    }
    Ok(())
}

fn backup(args: &BackupArgs) -> Result<()> {
    if args.target.exists() {
        bail!(
            "{} exists already; give a new directory for the backup",
            args.target.display()
        );
    }
    let db = open_store(&args.store.data)?;
    db.backup(&args.target)?;
    let quads = db.len()?;
    eprintln!(
        "backed up {} ({quads} quads) to {}",
        args.store.data.display(),
        args.target.display()
    );
    Ok(())
}

fn restore(args: &RestoreArgs) -> Result<()> {
    use crate::store::{DirState, inspect};
    if !matches!(inspect(&args.backup)?, DirState::Store { .. }) {
        bail!(
            "{} is not a backup made by `bilateral backup` (no RocksDB store there)",
            args.backup.display()
        );
    }
    match inspect(&args.store.data)? {
        DirState::Missing | DirState::Empty => {}
        _ => bail!(
            "{} is not empty; restore into a new or empty directory (move the old store aside first)",
            args.store.data.display()
        ),
    }
    // Into a temporary directory beside the target, renamed once complete: an interrupted
    // restore leaves no half store at --data.
    let mut partial = args.store.data.as_os_str().to_owned();
    partial.push(".restoring");
    let partial = PathBuf::from(partial);
    if partial.exists() {
        std::fs::remove_dir_all(&partial).with_context(|| format!("cannot remove {}", partial.display()))?;
    }
    copy_dir(&args.backup, &partial)?;
    {
        let db = open_store_read_only(&partial)?;
        let results = crate::ingest::verify(&db)?;
        let bad = results.iter().filter(|v| !v.ok()).count();
        if bad > 0 {
            bail!(
                "the backup opens, but {bad} of its {} article graph(s) do not match their digest; not restored ({} kept for inspection)",
                results.len(),
                partial.display()
            );
        }
        eprintln!(
            "the backup holds {} quads; its {} article graph(s) match their digests",
            db.len()?,
            results.len()
        );
    }
    if args.store.data.exists() {
        std::fs::remove_dir(&args.store.data)
            .with_context(|| format!("cannot replace the empty directory {}", args.store.data.display()))?;
    }
    std::fs::rename(&partial, &args.store.data)
        .with_context(|| format!("cannot move the restored store to {}", args.store.data.display()))?;
    eprintln!(
        "restored {} into {}",
        args.backup.display(),
        args.store.data.display()
    );
    Ok(())
}

/// A parameter value: <iri> or http(s)://... is an IRI, anything else a string literal.
pub fn parse_value(value: &str) -> Result<Term> {
    let v = value.trim();
    if let Some(inner) = v.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        return Ok(NamedNode::new(inner)
            .with_context(|| format!("{v} is not an IRI"))?
            .into());
    }
    if v.starts_with("http://") || v.starts_with("https://") || v.starts_with("urn:") {
        return Ok(NamedNode::new(v)
            .with_context(|| format!("{v} is not an IRI"))?
            .into());
    }
    Ok(oxigraph::model::Literal::new_simple_literal(v.trim_matches('"')).into())
}
