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
    /// Ingest articles (files or directories of .txt/.md files): one transaction per article;
    /// the same text twice changes nothing.
    Ingest(IngestArgs),
    /// Remove exactly what one article brought (by its id or IRI).
    Retract(RetractArgs),
    /// Recompute each article graph's RDFC-1.0 digest and compare it with the recorded one.
    Verify(VerifyArgs),
    /// Check every article graph against the SHACL shapes in ontology/shapes.ttl.
    Validate(StoreOnlyArgs),
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
    /// The store directory (RocksDB); created when missing.
    #[arg(long, default_value = "data", env = "BILATERAL_DATA")]
    data: PathBuf,
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
    /// The base of every IRI the service mints (ends with /).
    #[arg(long, default_value = crate::DEFAULT_BASE_IRI, env = "BILATERAL_BASE_IRI")]
    base_iri: String,
    /// The bearer token that allows writes (/update, /store writes, POST /articles).
    /// Without it the service is read-only.
    #[arg(long, env = "BILATERAL_UPDATE_TOKEN", hide_env_values = true)]
    update_token: Option<String>,
    /// The time limit of one query, in seconds.
    #[arg(long, default_value_t = 30)]
    query_timeout: u64,
    /// The largest request body accepted, in bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    max_body_bytes: usize,
    /// The most rows (or triples) one answer may hold.
    #[arg(long, default_value_t = 100_000)]
    max_rows: usize,
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
    }
}

/// Opens the store, explaining the usual failure (another process holds it).
pub fn open_store(dir: &Path) -> Result<Database> {
    Database::open(dir).map_err(|e| {
        let text = e.to_string();
        if text.contains("lock") || text.contains("LOCK") {
            anyhow::anyhow!(
                "the store in {} is in use by another process (is `bilateral serve` running on it?)",
                dir.display()
            )
        } else {
            e.into()
        }
    })
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
    let db = if args.in_memory {
        Database::in_memory()?
    } else {
        open_store(&args.store.data)?
    };
    if db.is_empty()? {
        let seeded = crate::seed::seed(&db, &args.base_iri).context("cannot seed the new store")?;
        let quads: usize = seeded.files.iter().map(|l| l.quads).sum();
        tracing::info!(
            files = seeded.files.len(),
            quads,
            "new store: loaded the ontology and reference data"
        );
        for (path, iri, quads) in &seeded.articles {
            tracing::info!(article = %iri, quads, file = %path.display(), "new store: ingested a seed article");
        }
    }
    let config = Config {
        base_iri: args.base_iri,
        update_token: args.update_token.filter(|t| !t.is_empty()),
        query_timeout: Duration::from_secs(args.query_timeout.max(1)),
        max_body_bytes: args.max_body_bytes,
        limits: Limits {
            max_rows: args.max_rows,
        },
        queries_dir: crate::resource_dir("queries"),
    };
    let writable = config.update_token.is_some();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .with_context(|| format!("cannot listen on {}", args.bind))?;
        let quads = db.len().unwrap_or(0);
        tracing::info!(
            "serving http://{} ({} quads; {}; {})",
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
            }
        );
        let app = http::router(db.clone(), config);
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        tracing::info!("shutting down");
        db.flush()?;
        Ok(())
    })
}

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
    let db = open_store(&args.store.data)?;
    let mut prepared = prepare_query(&text, Some(crate::DEFAULT_BASE_IRI), &[], &[])?;
    for param in &args.params {
        let (name, value) = param
            .split_once('=')
            .with_context(|| format!("--param {param} is not NAME=VALUE"))?;
        prepared.bind(name, parse_value(value)?)?;
    }
    let token = CancellationToken::new();
    if args.timeout > 0 {
        let t = token.clone();
        let limit = Duration::from_secs(args.timeout);
        std::thread::spawn(move || {
            std::thread::sleep(limit);
            t.cancel();
        });
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
    let db = open_store(&args.store.data)?;
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
    eprintln!(
        "loaded {total_files} file(s); the store now holds {} quads",
        db.len()?
    );
    Ok(())
}

fn export(args: &ExportArgs) -> Result<()> {
    let format = match args.format.to_ascii_lowercase().as_str() {
        "trig" => RdfFormat::TriG,
        "nquads" | "nq" => RdfFormat::NQuads,
        other => bail!("--format {other} cannot hold several graphs; use trig or nquads"),
    };
    let db = open_store(&args.store.data)?;
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
    crate::article::read(&bytes).with_context(|| path.display().to_string())
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
    let db = open_store(&args.store.data)?;
    let bar = indicatif::ProgressBar::new(files.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} articles {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let (mut stored, mut quads, mut duplicates) = (0, 0, 0);
    let mut failures: Vec<String> = Vec::new();
    for file in &files {
        bar.set_message(
            file.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        let result = read_bytes(file).and_then(|bytes| {
            crate::ingest::ingest(&db, &bytes, &args.base_iri).map_err(anyhow::Error::from)
        });
        match result {
            Ok(o) if o.duplicate => duplicates += 1,
            Ok(o) => {
                stored += 1;
                quads += o.quads;
            }
            Err(e) => failures.push(format!("{}: {e}", file.display())),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    eprintln!(
        "ingested {stored} article(s), {quads} quads; {duplicates} duplicate(s) skipped; {} failed",
        failures.len()
    );
    for f in &failures {
        eprintln!("  {f}");
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
    let db = open_store(&args.store.data)?;
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
