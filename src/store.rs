//! The embedded Oxigraph store: the only module that touches `oxigraph::store`.
//!
//! It opens the store, loads reference files into their own named graphs, evaluates SPARQL
//! queries and updates under the service's safety rules (no federated `SERVICE`, no `LOAD`, a
//! cancellation token, a result cap) and implements the operations of the Graph Store Protocol.
//! It knows nothing of HTTP: callers give it text and formats and get bytes or typed errors.

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad, QuadRef, Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use spargebra::{GraphUpdateOperation, SparqlParser};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Errors of the store module.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The query or update text is not valid SPARQL.
    #[error("{0}")]
    Syntax(String),
    /// The request asks for a federated `SERVICE` call, which this service never makes.
    #[error("federated SERVICE calls are refused: this endpoint makes no requests to other hosts")]
    ServiceRefused,
    /// The update contains `LOAD`, which would fetch a remote document.
    #[error(
        "LOAD is refused: this endpoint makes no requests to other hosts; POST the data to /store instead"
    )]
    LoadRefused,
    /// The result has more rows (or triples) than the configured cap.
    #[error("the result has more than {0} rows, the limit of this endpoint; add a LIMIT or narrow the query")]
    TooManyRows(usize),
    /// The evaluation was cancelled, because it ran past its time limit.
    #[error("the query was stopped: it ran longer than the time limit")]
    Cancelled,
    /// The request is well-formed but cannot be evaluated (an unknown graph, a bad IRI...).
    #[error("{0}")]
    Invalid(String),
    /// An RDF document could not be parsed.
    #[error("the RDF data is not valid: {0}")]
    Parse(String),
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The storage layer failed.
    #[error("storage error: {0}")]
    Storage(String),
}

impl From<oxigraph::store::StorageError> for StoreError {
    fn from(e: oxigraph::store::StorageError) -> Self {
        Self::Storage(e.to_string())
    }
}

impl From<QueryEvaluationError> for StoreError {
    fn from(e: QueryEvaluationError) -> Self {
        match e {
            QueryEvaluationError::Cancelled => Self::Cancelled,
            QueryEvaluationError::UnsupportedService(_)
            | QueryEvaluationError::Service(_)
            | QueryEvaluationError::UnboundService
            | QueryEvaluationError::InvalidServiceName(_) => Self::ServiceRefused,
            QueryEvaluationError::Dataset(e) => Self::Storage(e.to_string()),
            other => Self::Invalid(other.to_string()),
        }
    }
}

impl From<oxigraph::sparql::UpdateEvaluationError> for StoreError {
    fn from(e: oxigraph::sparql::UpdateEvaluationError) -> Self {
        use oxigraph::sparql::UpdateEvaluationError as E;
        match e {
            E::Storage(e) => Self::Storage(e.to_string()),
            E::GraphParsing(e) => Self::Parse(e.to_string()),
            E::Service(_) | E::UnboundService | E::InvalidServiceName(_) | E::UnsupportedService(_) => {
                Self::ServiceRefused
            }
            other => Self::Invalid(other.to_string()),
        }
    }
}

impl From<oxigraph::store::LoaderError> for StoreError {
    fn from(e: oxigraph::store::LoaderError) -> Self {
        match e {
            oxigraph::store::LoaderError::Storage(e) => Self::Storage(e.to_string()),
            other => Self::Parse(other.to_string()),
        }
    }
}

/// What a query returns, which decides the formats it can be serialised to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryForm {
    /// `SELECT`: a table of solutions.
    Solutions,
    /// `ASK`: a boolean.
    Boolean,
    /// `CONSTRUCT` or `DESCRIBE`: a graph.
    Graph,
}

/// The serialisation of a query's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// A SPARQL results format (for `SELECT` and `ASK`).
    Results(QueryResultsFormat),
    /// An RDF format (for `CONSTRUCT` and `DESCRIBE`).
    Rdf(RdfFormat),
}

/// A parsed query, with the dataset the request asked for.
#[derive(Debug, Clone)]
pub struct PreparedQuery {
    query: spargebra::Query,
    /// What the query returns.
    pub form: QueryForm,
    default_graphs: Option<Vec<GraphName>>,
    named_graphs: Option<Vec<NamedOrBlankNode>>,
    bindings: Vec<(oxigraph::sparql::Variable, Term)>,
}

impl PreparedQuery {
    /// Binds a variable to a value before evaluation: how stored queries take parameters
    /// without pasting text into the query.
    pub fn bind(&mut self, name: &str, value: Term) -> Result<(), StoreError> {
        let variable = oxigraph::sparql::Variable::new(name.trim_start_matches(['?', '$']))
            .map_err(|e| StoreError::Invalid(format!("{name} is not a variable name: {e}")))?;
        self.bindings.push((variable, value));
        Ok(())
    }
}

/// A query's answer as rows of terms, for tables (the terminal, the analyst pages).
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Column names.
    pub variables: Vec<String>,
    /// One entry per solution, one cell per variable (`None` when unbound).
    pub rows: Vec<Vec<Option<Term>>>,
}

/// Parses a SPARQL query and records the dataset of the SPARQL 1.1 Protocol's
/// `default-graph-uri` and `named-graph-uri` parameters.
///
/// When neither the request nor the query (`FROM`, `FROM NAMED`) names graphs, the default
/// graph is the union of all graphs.
pub fn prepare_query(
    text: &str,
    base_iri: Option<&str>,
    default_graph_uris: &[String],
    named_graph_uris: &[String],
) -> Result<PreparedQuery, StoreError> {
    let mut parser = SparqlParser::new();
    if let Some(base) = base_iri {
        parser = parser
            .with_base_iri(base)
            .map_err(|e| StoreError::Invalid(format!("invalid base IRI: {e}")))?;
    }
    let query = parser
        .parse_query(text)
        .map_err(|e| StoreError::Syntax(e.to_string()))?;
    let form = match &query {
        spargebra::Query::Select { .. } => QueryForm::Solutions,
        spargebra::Query::Ask { .. } => QueryForm::Boolean,
        spargebra::Query::Construct { .. } | spargebra::Query::Describe { .. } => QueryForm::Graph,
    };
    let parse_iri = |s: &String| {
        NamedNode::new(s.as_str()).map_err(|e| StoreError::Invalid(format!("invalid graph IRI <{s}>: {e}")))
    };
    let protocol_dataset = !default_graph_uris.is_empty() || !named_graph_uris.is_empty();
    let (default_graphs, named_graphs) = if protocol_dataset {
        let default = default_graph_uris
            .iter()
            .map(|s| parse_iri(s).map(GraphName::from))
            .collect::<Result<Vec<_>, _>>()?;
        let named = named_graph_uris
            .iter()
            .map(|s| parse_iri(s).map(NamedOrBlankNode::from))
            .collect::<Result<Vec<_>, _>>()?;
        (Some(default), Some(named))
    } else {
        (None, None)
    };
    Ok(PreparedQuery {
        query,
        form,
        default_graphs,
        named_graphs,
        bindings: Vec::new(),
    })
}

/// The limits every evaluation runs under.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The most solutions (or triples) a result may hold.
    pub max_rows: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_rows: 100_000 }
    }
}

/// The embedded store. Cheap to clone: clones share the same underlying store.
#[derive(Clone)]
pub struct Database {
    inner: Store,
}

impl Database {
    /// Opens (or creates) an on-disk store in `dir`.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let inner = Store::open(dir)
            .map_err(|e| StoreError::Storage(format!("cannot open the store in {}: {e}", dir.display())))?;
        Ok(Self { inner })
    }

    /// A throw-away store in memory.
    pub fn in_memory() -> Result<Self, StoreError> {
        Ok(Self { inner: Store::new()? })
    }

    /// Whether the store holds no quad at all.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.inner.is_empty()?)
    }

    /// The number of quads.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.inner.len()?)
    }

    fn evaluator(token: Option<CancellationToken>) -> SparqlEvaluator {
        // oxigraph is built without its `http-client` feature: no handler for SERVICE exists, so
        // a federated call fails with `UnsupportedService` and no request leaves the machine.
        let evaluator = SparqlEvaluator::new();
        match token {
            Some(token) => evaluator.with_cancellation_token(token),
            None => evaluator,
        }
    }

    fn execute<'a>(
        &'a self,
        prepared: &PreparedQuery,
        token: Option<CancellationToken>,
    ) -> Result<QueryResults<'a>, StoreError> {
        let mut query = Self::evaluator(token).for_query(prepared.query.clone());
        for (variable, value) in &prepared.bindings {
            query = query.substitute_variable(variable.clone(), value.clone());
        }
        match (&prepared.default_graphs, &prepared.named_graphs) {
            (Some(default), named) => {
                query.dataset_mut().set_default_graph(default.clone());
                query
                    .dataset_mut()
                    .set_available_named_graphs(named.clone().unwrap_or_default());
            }
            (None, _) => {
                if query.dataset().is_default_dataset() {
                    query.dataset_mut().set_default_graph_as_union();
                }
            }
        }
        Ok(query.on_store(&self.inner).execute()?)
    }

    /// Evaluates a query and serialises its whole answer into bytes, stopping with
    /// [`StoreError::TooManyRows`] past `limits.max_rows` and with [`StoreError::Cancelled`]
    /// when the token is cancelled.
    pub fn query(
        &self,
        prepared: &PreparedQuery,
        format: OutputFormat,
        limits: &Limits,
        token: Option<CancellationToken>,
    ) -> Result<Vec<u8>, StoreError> {
        let io = |e: std::io::Error| StoreError::Storage(e.to_string());
        match (self.execute(prepared, token)?, format) {
            (QueryResults::Solutions(solutions), OutputFormat::Results(f)) => {
                let mut serializer = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(Vec::new(), solutions.variables().to_vec())
                    .map_err(io)?;
                for (i, solution) in solutions.enumerate() {
                    if i >= limits.max_rows {
                        return Err(StoreError::TooManyRows(limits.max_rows));
                    }
                    serializer.serialize(&solution?).map_err(io)?;
                }
                serializer.finish().map_err(io)
            }
            (QueryResults::Boolean(value), OutputFormat::Results(f)) => {
                QueryResultsSerializer::from_format(f)
                    .serialize_boolean_to_writer(Vec::new(), value)
                    .map_err(io)
            }
            (QueryResults::Graph(triples), OutputFormat::Rdf(f)) => {
                let mut serializer = RdfSerializer::from_format(f).for_writer(Vec::new());
                for (i, triple) in triples.enumerate() {
                    if i >= limits.max_rows {
                        return Err(StoreError::TooManyRows(limits.max_rows));
                    }
                    serializer.serialize_triple(&triple?).map_err(io)?;
                }
                serializer.finish().map_err(io)
            }
            _ => Err(StoreError::Invalid(
                "the requested format does not fit the query form".to_owned(),
            )),
        }
    }

    /// Evaluates a `SELECT` or `ASK` query into a [`Table`] (an `ASK` gives one column `ask`).
    pub fn query_table(
        &self,
        prepared: &PreparedQuery,
        limits: &Limits,
        token: Option<CancellationToken>,
    ) -> Result<Table, StoreError> {
        match self.execute(prepared, token)? {
            QueryResults::Solutions(solutions) => {
                let variables: Vec<_> = solutions.variables().to_vec();
                let mut table = Table {
                    variables: variables.iter().map(|v| v.as_str().to_owned()).collect(),
                    rows: Vec::new(),
                };
                for solution in solutions {
                    if table.rows.len() >= limits.max_rows {
                        return Err(StoreError::TooManyRows(limits.max_rows));
                    }
                    let solution = solution?;
                    table
                        .rows
                        .push(variables.iter().map(|v| solution.get(v).cloned()).collect());
                }
                Ok(table)
            }
            QueryResults::Boolean(value) => Ok(Table {
                variables: vec!["ask".to_owned()],
                rows: vec![vec![Some(oxigraph::model::Literal::from(value).into())]],
            }),
            QueryResults::Graph(triples) => {
                let mut table = Table {
                    variables: vec!["subject".into(), "predicate".into(), "object".into()],
                    rows: Vec::new(),
                };
                for triple in triples {
                    if table.rows.len() >= limits.max_rows {
                        return Err(StoreError::TooManyRows(limits.max_rows));
                    }
                    let Triple {
                        subject,
                        predicate,
                        object,
                    } = triple?;
                    table
                        .rows
                        .push(vec![Some(subject.into()), Some(predicate.into()), Some(object)]);
                }
                Ok(table)
            }
        }
    }

    /// Evaluates a query into the triples of a graph (for `CONSTRUCT` / `DESCRIBE`).
    pub fn query_triples(
        &self,
        prepared: &PreparedQuery,
        limits: &Limits,
        token: Option<CancellationToken>,
    ) -> Result<Vec<Triple>, StoreError> {
        match self.execute(prepared, token)? {
            QueryResults::Graph(triples) => {
                let mut out = Vec::new();
                for t in triples {
                    if out.len() >= limits.max_rows {
                        return Err(StoreError::TooManyRows(limits.max_rows));
                    }
                    out.push(t?);
                }
                Ok(out)
            }
            _ => Err(StoreError::Invalid(
                "the query does not return a graph".to_owned(),
            )),
        }
    }

    /// Runs a SPARQL 1.1 Update in one transaction. `LOAD` and `SERVICE` are refused.
    pub fn update(
        &self,
        text: &str,
        base_iri: Option<&str>,
        token: Option<CancellationToken>,
    ) -> Result<(), StoreError> {
        let mut parser = SparqlParser::new();
        if let Some(base) = base_iri {
            parser = parser
                .with_base_iri(base)
                .map_err(|e| StoreError::Invalid(format!("invalid base IRI: {e}")))?;
        }
        let update = parser
            .parse_update(text)
            .map_err(|e| StoreError::Syntax(e.to_string()))?;
        if update
            .operations
            .iter()
            .any(|op| matches!(op, GraphUpdateOperation::Load { .. }))
        {
            return Err(StoreError::LoadRefused);
        }
        Self::evaluator(token)
            .for_update(update)
            .on_store(&self.inner)
            .execute()?;
        Ok(())
    }

    /// Serialises one graph (the store's own default graph for [`GraphName::DefaultGraph`]),
    /// or `None` when a named graph does not exist.
    pub fn read_graph(&self, graph: &GraphName, format: RdfFormat) -> Result<Option<Vec<u8>>, StoreError> {
        if let GraphName::NamedNode(name) = graph
            && !self.inner.contains_named_graph(name)?
        {
            return Ok(None);
        }
        let bytes = self
            .inner
            .dump_graph_to_writer(graph.as_ref(), format, Vec::new())
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        Ok(Some(bytes))
    }

    /// Serialises the whole dataset in a format that keeps graph names (`TriG`, N-Quads).
    pub fn export<W: std::io::Write>(&self, format: RdfFormat, writer: W) -> Result<W, StoreError> {
        self.inner
            .dump_to_writer(format, writer)
            .map_err(|e| StoreError::Invalid(e.to_string()))
    }

    /// Parses `data` into the graph `graph`, replacing what it held when `replace` is set;
    /// all or nothing. Returns whether the graph existed before.
    pub fn write_graph(
        &self,
        graph: &GraphName,
        format: RdfFormat,
        base_iri: Option<&str>,
        data: &[u8],
        replace: bool,
    ) -> Result<bool, StoreError> {
        let mut parser = RdfParser::from_format(format).with_default_graph(graph.clone());
        if format.supports_datasets() {
            return Err(StoreError::Invalid(format!(
                "{} holds several graphs; send a graph format such as Turtle to /store",
                format.name()
            )));
        }
        if let Some(base) = base_iri {
            parser = parser
                .with_base_iri(base)
                .map_err(|e| StoreError::Invalid(format!("invalid base IRI: {e}")))?;
        }
        let existed = match graph {
            GraphName::NamedNode(n) => self.inner.contains_named_graph(n)?,
            _ => true,
        };
        let mut transaction = self.inner.start_transaction()?;
        if replace {
            transaction.clear_graph(graph.as_ref())?;
        }
        if let GraphName::NamedNode(n) = graph {
            transaction.insert_named_graph(n);
        }
        transaction.load_from_slice(parser, data)?;
        transaction.commit()?;
        Ok(existed)
    }

    /// Removes a graph; returns whether there was one.
    pub fn delete_graph(&self, graph: &GraphName) -> Result<bool, StoreError> {
        match graph {
            GraphName::NamedNode(n) => {
                if !self.inner.contains_named_graph(n)? {
                    return Ok(false);
                }
                let mut transaction = self.inner.start_transaction()?;
                transaction.remove_named_graph(n)?;
                transaction.commit()?;
                Ok(true)
            }
            GraphName::DefaultGraph => {
                self.inner.clear_graph(GraphNameRef::DefaultGraph)?;
                Ok(true)
            }
            GraphName::BlankNode(_) => Ok(false),
        }
    }

    /// Replaces a named graph with `quads` in one transaction (all or nothing).
    pub fn replace_graph_with(&self, graph: &NamedNode, quads: &[Quad]) -> Result<(), StoreError> {
        let mut transaction = self.inner.start_transaction()?;
        transaction.clear_graph(graph)?;
        transaction.insert_named_graph(graph);
        transaction.extend(quads.iter().map(QuadRef::from));
        transaction.commit()?;
        Ok(())
    }

    /// Stores an article's graphs in one transaction: all or nothing. An article whose
    /// provenance graph exists already is a duplicate and changes nothing.
    pub fn store_article(
        &self,
        statements: &NamedNode,
        provenance: &NamedNode,
        quads: &[Quad],
    ) -> Result<bool, StoreError> {
        let mut transaction = self.inner.start_transaction()?;
        if transaction.contains_named_graph(provenance)? {
            return Ok(false);
        }
        transaction.insert_named_graph(statements);
        transaction.insert_named_graph(provenance);
        transaction.extend(quads.iter().map(QuadRef::from));
        transaction.commit()?;
        Ok(true)
    }

    /// Removes the given graphs in one transaction; returns how many quads they held.
    pub fn remove_graphs(&self, graphs: &[NamedNode]) -> Result<usize, StoreError> {
        let mut removed = 0;
        let mut transaction = self.inner.start_transaction()?;
        for g in graphs {
            if transaction.contains_named_graph(g)? {
                removed += transaction
                    .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
                    .count();
                transaction.remove_named_graph(g)?;
            }
        }
        transaction.commit()?;
        Ok(removed)
    }

    /// The quads of one named graph.
    pub fn graph_quads(&self, graph: &NamedNode) -> Result<Vec<Quad>, StoreError> {
        self.inner
            .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
            .map(|q| q.map_err(StoreError::from))
            .collect()
    }

    /// Quads whose subject is `subject`, in every graph, at most `limit`.
    pub fn quads_with_subject(&self, subject: &NamedNode, limit: usize) -> Result<Vec<Quad>, StoreError> {
        self.inner
            .quads_for_pattern(Some(subject.as_ref().into()), None, None, None)
            .take(limit)
            .map(|q| q.map_err(StoreError::from))
            .collect()
    }

    /// Quads whose object is `object`, in every graph, at most `limit`.
    pub fn quads_with_object(&self, object: &NamedNode, limit: usize) -> Result<Vec<Quad>, StoreError> {
        self.inner
            .quads_for_pattern(None, None, Some(object.as_ref().into()), None)
            .take(limit)
            .map(|q| q.map_err(StoreError::from))
            .collect()
    }

    /// The number of named graphs.
    pub fn graph_count(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for g in self.inner.named_graphs() {
            g?;
            n += 1;
        }
        Ok(n)
    }

    /// Whether a named graph exists.
    pub fn has_graph(&self, graph: &NamedNode) -> Result<bool, StoreError> {
        Ok(self.inner.contains_named_graph(graph)?)
    }

    /// The named graphs with the number of quads in each (a full scan: for the service
    /// description and metrics, not for hot paths).
    pub fn graph_sizes(&self) -> Result<Vec<(NamedOrBlankNode, usize)>, StoreError> {
        let mut out = Vec::new();
        for graph in self.inner.named_graphs() {
            let graph = graph?;
            let n = self
                .inner
                .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
                .count();
            out.push((graph, n));
        }
        Ok(out)
    }

    /// Loads RDF files with the bulk loader (fast, for large files). A file in a graph format
    /// goes into the named graph `graph_for(path)`; quad formats keep their own graph names.
    /// `on_progress` is called with the number of quads loaded so far.
    pub fn bulk_load(
        &self,
        path: &Path,
        format: RdfFormat,
        graph: Option<NamedNode>,
        on_progress: impl Fn(u64) + Send + Sync + 'static,
    ) -> Result<(), StoreError> {
        let file = std::fs::File::open(path).map_err(|source| StoreError::Io {
            path: path.to_owned(),
            source,
        })?;
        let mut parser = RdfParser::from_format(format);
        if let Some(graph) = graph {
            parser = parser.with_default_graph(graph);
        }
        let mut loader = self.inner.bulk_loader().on_progress(on_progress);
        loader.load_from_reader(parser, std::io::BufReader::new(file))?;
        loader.commit()?;
        Ok(())
    }

    /// Loads one RDF file in a single transaction into `graph` (replacing what it held).
    /// Relative IRIs in the file resolve against `base_iri`.
    pub fn load_file_into_graph(
        &self,
        path: &Path,
        format: RdfFormat,
        graph: &NamedNode,
        base_iri: &str,
    ) -> Result<usize, StoreError> {
        let mut data = Vec::new();
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut data))
            .map_err(|source| StoreError::Io {
                path: path.to_owned(),
                source,
            })?;
        let parser = RdfParser::from_format(format)
            .with_base_iri(base_iri)
            .map_err(|e| StoreError::Invalid(format!("invalid base IRI: {e}")))?
            .without_named_graphs()
            .with_default_graph(graph.clone());
        let mut quads = Vec::new();
        for quad in parser.for_slice(&data) {
            quads.push(quad.map_err(|e| StoreError::Parse(format!("{}: {e}", path.display())))?);
        }
        self.replace_graph_with(graph, &quads)?;
        Ok(quads.len())
    }

    /// Writes the store's buffers to disk (called on shutdown).
    pub fn flush(&self) -> Result<(), StoreError> {
        Ok(self.inner.flush()?)
    }
}

/// The RDF format of a file, by its extension.
pub fn format_of_path(path: &Path) -> Option<RdfFormat> {
    // An explicit table: oxigraph's own guess reads `.txt` as N-Triples, which would take any
    // text file for RDF.
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "ttl" => Some(RdfFormat::Turtle),
        "nt" => Some(RdfFormat::NTriples),
        "rdf" | "owl" => Some(RdfFormat::RdfXml),
        "trig" => Some(RdfFormat::TriG),
        "nq" => Some(RdfFormat::NQuads),
        "jsonld" => Some(RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        }),
        _ => None,
    }
}
