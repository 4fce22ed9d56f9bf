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
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

/// Errors of the store module.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The query or update text is not valid SPARQL.
    #[error("{0}")]
    Syntax(String),
    /// The query or update text is past the size or nesting limits (checked before parsing).
    #[error(transparent)]
    TooComplex(#[from] crate::guard::GuardError),
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
    /// The store directory is damaged or holds something else; nothing was changed.
    #[error("{0}")]
    Damaged(String),
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

/// What storing an article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// The article was new.
    New,
    /// The same text was stored before and its graphs are intact: nothing changed.
    Duplicate,
    /// The same text was stored before but its graphs were damaged: they were rewritten.
    Repaired,
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

impl PreparedQuery {
    /// Binds the parameters of a stored query. A query that declares a pair in its comments
    /// (`# Pair: ?a ?b`) compares the two with `STR(?a) < STR(?b)` to list each pair once; its
    /// two values are put in that order, so the pair gives the same rows whichever way round
    /// it was given.
    pub fn bind_parameters(&mut self, text: &str, params: &[(String, Term)]) -> Result<(), StoreError> {
        let mut params = params.to_vec();
        let pair: Vec<String> = text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .find_map(|l| {
                l.trim_start_matches('#')
                    .trim()
                    .strip_prefix("Pair:")
                    .map(str::to_owned)
            })
            .map(|p| {
                p.split_whitespace()
                    .take(2)
                    .map(|v| v.trim_start_matches(['?', '$']).to_owned())
                    .collect()
            })
            .unwrap_or_default();
        if let [a, b] = pair.as_slice() {
            let ia = params
                .iter()
                .position(|(n, _)| n.trim_start_matches(['?', '$']) == a);
            let ib = params
                .iter()
                .position(|(n, _)| n.trim_start_matches(['?', '$']) == b);
            if let (Some(ia), Some(ib)) = (ia, ib) {
                let key = |t: &Term| match t {
                    Term::NamedNode(n) => n.as_str().to_owned(),
                    Term::Literal(l) => l.value().to_owned(),
                    Term::BlankNode(b) => b.to_string(),
                };
                if key(&params[ia].1) > key(&params[ib].1) {
                    let va = params[ia].1.clone();
                    params[ia].1 = params[ib].1.clone();
                    params[ib].1 = va;
                }
            }
        }
        for (name, value) in params {
            self.bind(&name, value)?;
        }
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

/// Puts the bound values of a stored query's parameters into its pattern as a one-row `VALUES`
/// joined at the top of its `WHERE` (below the solution modifiers, and on the required side of
/// an `OPTIONAL`), so that the optimizer plans
/// with them: it starts from the given country, claim or article and looks the rest up from
/// there, instead of planning for every value and filtering at the end (at 1,000 articles, 0.6 s
/// against 10 ms for a query bound to one article). Subqueries that project a parameter get it
/// too (`into_subqueries`). Values `VALUES` cannot hold (blank nodes) are returned, to be
/// substituted at evaluation as before.
fn with_values(
    mut query: spargebra::Query,
    bindings: &[(oxigraph::sparql::Variable, Term)],
) -> (spargebra::Query, Vec<(oxigraph::sparql::Variable, Term)>) {
    use spargebra::algebra::GraphPattern as P;
    use spargebra::term::GroundTerm;
    /// Below the query's own modifiers (`phase` 0: its LIMIT, 1: its DISTINCT, 2: its SELECT,
    /// 3: below them), and no further than a subquery: a `LIMIT`, `DISTINCT` or `SELECT` met
    /// after the query's own is a subquery's, whose answer the values must not change.
    fn top_of_where(pattern: &mut P, phase: u8, select: bool) -> &mut P {
        let next = match &*pattern {
            P::Slice { .. } if phase == 0 => Some(if select { 1 } else { 3 }),
            P::Distinct { .. } | P::Reduced { .. } if phase <= 1 => Some(2),
            P::Project { .. } if phase <= 2 && select => Some(3),
            P::OrderBy { .. } | P::Group { .. } | P::Filter { .. } | P::Extend { .. } => Some(phase),
            // Joined before an OPTIONAL or a MINUS rather than after: the values are there
            // when the optional part is matched, as a substitution would have them.
            P::LeftJoin { .. } | P::Minus { .. } => Some(3),
            _ => None,
        };
        match (next, pattern) {
            (
                Some(next),
                P::Slice { inner, .. }
                | P::Distinct { inner }
                | P::Reduced { inner }
                | P::Project { inner, .. }
                | P::OrderBy { inner, .. }
                | P::Group { inner, .. }
                | P::Filter { inner, .. }
                | P::Extend { inner, .. },
            ) => top_of_where(inner, next, select),
            (Some(next), P::LeftJoin { left, .. } | P::Minus { left, .. }) => {
                top_of_where(left, next, select)
            }
            (_, other) => other,
        }
    }
    let mut variables = Vec::new();
    let mut row = Vec::new();
    let mut rest = Vec::new();
    for (variable, value) in bindings {
        let ground = match value {
            Term::NamedNode(n) => Some(GroundTerm::NamedNode(n.clone())),
            Term::Literal(l) => Some(GroundTerm::Literal(l.clone())),
            Term::BlankNode(_) => None,
        };
        match ground {
            Some(g) if !variables.contains(variable) => {
                variables.push(variable.clone());
                row.push(Some(g));
            }
            _ => rest.push((variable.clone(), value.clone())),
        }
    }
    if variables.is_empty() {
        return (query, rest);
    }
    let select = matches!(query, spargebra::Query::Select { .. });
    let pattern = match &mut query {
        spargebra::Query::Select { pattern, .. }
        | spargebra::Query::Construct { pattern, .. }
        | spargebra::Query::Describe { pattern, .. }
        | spargebra::Query::Ask { pattern, .. } => pattern,
    };
    fold_bound(pattern, &variables);
    let target = top_of_where(pattern, 0, select);
    into_subqueries(target, &variables, &row);
    let inner = std::mem::replace(target, P::Bgp { patterns: Vec::new() });
    *target = P::Join {
        left: Box::new(P::Values {
            variables,
            bindings: vec![row],
        }),
        right: Box::new(inner),
    };
    (query, rest)
}

/// Joins the values of the parameters a subquery of `pattern` projects into that subquery too,
/// as a substitution would have them there: `{ SELECT ?event ?a WHERE { ?event sem:hasActor ?a
/// } }` then reads only the given country's events, where it read every event to join them
/// with the value at the top after. Skipped where it would change the subquery's answer: below
/// a `LIMIT` or `OFFSET`, an aggregate, or a `BIND` of the parameter itself. The value is still
/// joined at the top, so the answer is the same either way.
fn into_subqueries(
    pattern: &mut spargebra::algebra::GraphPattern,
    variables: &[oxigraph::sparql::Variable],
    row: &[Option<spargebra::term::GroundTerm>],
) {
    use spargebra::algebra::GraphPattern as P;
    /// Where a subquery's values go: the top of its `WHERE`, if nothing between its `SELECT` and
    /// there depends on which rows it reads.
    fn target<'p>(pattern: &'p mut P, variables: &[oxigraph::sparql::Variable]) -> Option<&'p mut P> {
        match pattern {
            P::Slice { .. } | P::Group { .. } => None,
            P::Extend { variable, .. } if variables.contains(variable) => None,
            P::Project { inner, .. }
            | P::Distinct { inner }
            | P::Reduced { inner }
            | P::OrderBy { inner, .. }
            | P::Filter { inner, .. }
            | P::Extend { inner, .. } => target(inner, variables),
            other => Some(other),
        }
    }
    match pattern {
        P::Project {
            inner,
            variables: projected,
        } => {
            let (kept, values): (Vec<_>, Vec<_>) = variables
                .iter()
                .zip(row)
                .filter(|(v, _)| projected.contains(v))
                .map(|(v, t)| (v.clone(), t.clone()))
                .unzip();
            if kept.is_empty() || target(inner, &kept).is_none() {
                return;
            }
            // Deeper subqueries first, with the parameters this one passes on.
            into_subqueries(inner, &kept, &values);
            if let Some(at) = target(inner, &kept) {
                let inner = std::mem::replace(at, P::Bgp { patterns: Vec::new() });
                *at = P::Join {
                    left: Box::new(P::Values {
                        variables: kept,
                        bindings: vec![values],
                    }),
                    right: Box::new(inner),
                };
            }
        }
        P::Join { left, right }
        | P::LeftJoin { left, right, .. }
        | P::Union { left, right }
        | P::Minus { left, right } => {
            into_subqueries(left, variables, row);
            into_subqueries(right, variables, row);
        }
        P::Filter { inner, .. }
        | P::Graph { inner, .. }
        | P::Extend { inner, .. }
        | P::OrderBy { inner, .. }
        | P::Distinct { inner }
        | P::Reduced { inner }
        | P::Service { inner, .. } => into_subqueries(inner, variables, row),
        // A `LIMIT` sits above its subquery's `SELECT`, and an aggregate's rows are its input:
        // nothing below them is restricted.
        // (SPARQL 1.2's LATERAL is left alone.)
        P::Slice { .. }
        | P::Group { .. }
        | P::Lateral { .. }
        | P::Bgp { .. }
        | P::Path { .. }
        | P::Values { .. } => {}
    }
}

/// Folds `BOUND(?v)` to `true` everywhere in `pattern` for the parameters `bound`: a parameter
/// given a value counts as bound in every part of the query, as a substitution of the value
/// would have it (a value joined at the top leaves it unbound inside groups evaluated before
/// the join). This is what lets a stored query say "only when this parameter is not given":
/// `{ FILTER(!BOUND(?country)) … }` is empty when it is, and the optimizer drops that part.
fn fold_bound(pattern: &mut spargebra::algebra::GraphPattern, bound: &[oxigraph::sparql::Variable]) {
    use spargebra::algebra::{AggregateExpression, Expression as E, GraphPattern as P, OrderExpression};
    fn expr(e: &mut E, bound: &[oxigraph::sparql::Variable]) {
        match e {
            E::Bound(v) if bound.contains(v) => *e = E::Literal(oxigraph::model::Literal::from(true)),
            E::Or(a, b)
            | E::And(a, b)
            | E::Equal(a, b)
            | E::SameTerm(a, b)
            | E::Greater(a, b)
            | E::GreaterOrEqual(a, b)
            | E::Less(a, b)
            | E::LessOrEqual(a, b)
            | E::Add(a, b)
            | E::Subtract(a, b)
            | E::Multiply(a, b)
            | E::Divide(a, b) => {
                expr(a, bound);
                expr(b, bound);
            }
            E::In(a, list) => {
                expr(a, bound);
                for e in list {
                    expr(e, bound);
                }
            }
            E::UnaryPlus(a) | E::UnaryMinus(a) | E::Not(a) => expr(a, bound),
            E::If(a, b, c) => {
                expr(a, bound);
                expr(b, bound);
                expr(c, bound);
            }
            E::Coalesce(list) | E::FunctionCall(_, list) => {
                for e in list {
                    expr(e, bound);
                }
            }
            E::Exists(p) => fold_bound(p, bound),
            _ => {}
        }
    }
    match pattern {
        P::Join { left, right } | P::Union { left, right } | P::Minus { left, right } => {
            fold_bound(left, bound);
            fold_bound(right, bound);
        }
        P::LeftJoin {
            left,
            right,
            expression,
        } => {
            fold_bound(left, bound);
            fold_bound(right, bound);
            if let Some(e) = expression {
                expr(e, bound);
            }
        }
        P::Filter { expr: e, inner } => {
            expr(e, bound);
            fold_bound(inner, bound);
        }
        P::Extend {
            inner, expression, ..
        } => {
            expr(expression, bound);
            fold_bound(inner, bound);
        }
        P::OrderBy { inner, expression } => {
            for o in expression {
                match o {
                    OrderExpression::Asc(e) | OrderExpression::Desc(e) => expr(e, bound),
                }
            }
            fold_bound(inner, bound);
        }
        P::Group {
            inner, aggregates, ..
        } => {
            for (_, a) in aggregates {
                if let AggregateExpression::FunctionCall { expr: e, .. } = a {
                    expr(e, bound);
                }
            }
            fold_bound(inner, bound);
        }
        P::Graph { inner, .. }
        | P::Project { inner, .. }
        | P::Distinct { inner }
        | P::Reduced { inner }
        | P::Slice { inner, .. }
        | P::Service { inner, .. } => fold_bound(inner, bound),
        _ => {}
    }
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
    let query = checked_parser(text, "query", base_iri)?
        .parse_query(text)
        .map_err(|e| StoreError::Syntax(crate::guard::explain_syntax_error(text, &e.to_string())))?;
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

/// A SPARQL parser for `text`, once [`crate::guard`] has found it within the limits and free
/// of `SERVICE` (`what` is "query" or "update", for the messages).
fn checked_parser(
    text: &str,
    what: &'static str,
    base_iri: Option<&str>,
) -> Result<SparqlParser, StoreError> {
    let shape = crate::guard::check(text, what, &crate::guard::Limits::default())?;
    if shape.uses_service {
        return Err(StoreError::ServiceRefused);
    }
    let parser = SparqlParser::new();
    match base_iri {
        Some(base) => parser
            .with_base_iri(base)
            .map_err(|e| StoreError::Invalid(format!("invalid base IRI: {e}"))),
        None => Ok(parser),
    }
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
///
/// A write that fails in `RocksDB` (a full disk, an I/O error) leaves `RocksDB` refusing every
/// later write until it is opened again. The next write therefore first reopens the store
/// in-process (once the other users of the old instance are done and a probe file can be
/// written), so that the service recovers when space returns, without a restart.
#[derive(Clone)]
pub struct Database {
    shared: Arc<Shared>,
}

struct Shared {
    /// Where the store lives (`None` in memory).
    path: Option<PathBuf>,
    current: RwLock<Arc<Store>>,
    /// A write failed in the storage layer: reopen before the next one.
    broken: AtomicBool,
}

impl Drop for Shared {
    /// A store opened to write writes its memory tables to files when its last handle goes. The
    /// writes not yet in a table file (the seed's transactions, the summary counts after a bulk
    /// ingest, a retraction) are otherwise only in `RocksDB`'s write-ahead log, which every later
    /// open replays: 17 MB of it made each `bilateral query` on the scale benchmark's stores
    /// spend 0.1–0.3 s opening before it ran. A failure here loses nothing (the log still holds
    /// the writes) and is only logged, at debug level.
    fn drop(&mut self) {
        if self.path.is_none() || self.broken.load(Ordering::Acquire) {
            return;
        }
        let store = match self.current.get_mut() {
            Ok(store) => store,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Err(e) = store.flush() {
            tracing::debug!(error = %e, "could not flush the store's memory tables on closing");
        }
    }
}

impl Database {
    /// Opens the on-disk store in `dir`, or creates one when `dir` is missing or empty.
    ///
    /// Before `RocksDB` sees the directory, [`inspect`] checks it: a directory that holds
    /// something other than a store, or a store whose `CURRENT` file (or the manifest it names)
    /// is missing, is refused with [`StoreError::Damaged`] and left exactly as it was. `RocksDB`
    /// itself would "create if missing": write a new `CURRENT` naming an empty manifest, open an
    /// empty store and delete the old data files as obsolete.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        match inspect(dir)? {
            DirState::Missing | DirState::Empty | DirState::Store { .. } => {}
            state => return Err(StoreError::Damaged(describe_damage(dir, &state))),
        }
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let inner = Store::open(dir)
            .map_err(|e| StoreError::Storage(format!("cannot open the store in {}: {e}", dir.display())))?;
        Ok(Self::wrap(inner, Some(dir.to_owned())))
    }

    fn wrap(store: Store, path: Option<PathBuf>) -> Self {
        Self {
            shared: Arc::new(Shared {
                path,
                current: RwLock::new(Arc::new(store)),
                broken: AtomicBool::new(false),
            }),
        }
    }

    /// Compacts every index of the store into sorted, non-overlapping files. A bulk ingest adds
    /// files that each span the whole key range; until `RocksDB` has merged them, every lookup
    /// reads each of them. Takes minutes on a large store; the store stays readable meanwhile.
    pub fn compact(&self) -> Result<(), StoreError> {
        self.write(|store| Ok(store.optimize()?))
    }

    /// The store instance in use now.
    fn store(&self) -> Arc<Store> {
        match self.shared.current.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Runs a write; a storage failure marks the store for a reopen before the next write.
    fn write<T>(&self, work: impl FnOnce(&Store) -> Result<T, StoreError>) -> Result<T, StoreError> {
        if self.shared.broken.load(Ordering::Acquire) {
            self.reopen()?;
        }
        let store = self.store();
        let result = work(&store);
        if let Err(StoreError::Storage(_)) = &result {
            self.shared.broken.store(true, Ordering::Release);
        }
        result
    }

    /// Opens the on-disk store again after a failed write (see [`Database`]).
    fn reopen(&self) -> Result<(), StoreError> {
        let Some(path) = &self.shared.path else {
            self.shared.broken.store(false, Ordering::Release);
            return Ok(());
        };
        // Is there room again? Writing a probe file answers without touching the store.
        let probe = path.join("bilateral-space-probe");
        let room = std::fs::write(&probe, vec![0_u8; 4 << 20]);
        let _ = std::fs::remove_file(&probe);
        if let Err(e) = room {
            return Err(StoreError::Storage(format!(
                "the store is still unable to write after an earlier failure: {e}"
            )));
        }
        let mut guard = self
            .shared
            .current
            .write()
            .map_err(|_| StoreError::Storage("the store's lock is poisoned".to_owned()))?;
        // The old instance must be gone before RocksDB opens the directory again: wait for the
        // reads still using it (new ones wait on the lock we hold).
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while Arc::strong_count(&guard) > 1 {
            if std::time::Instant::now() > deadline {
                return Err(StoreError::Storage(
                    "the store is recovering from a failed write and is still busy with reads; try again"
                        .to_owned(),
                ));
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let placeholder = Arc::new(Store::new()?);
        drop(std::mem::replace(&mut *guard, placeholder));
        match Store::open(path) {
            Ok(store) => {
                *guard = Arc::new(store);
                self.shared.broken.store(false, Ordering::Release);
                tracing::info!(path = %path.display(), "reopened the store after a failed write");
                Ok(())
            }
            Err(e) => {
                // Keep serving reads from a read-only instance; the next write tries again.
                if let Ok(read_only) = Store::open_read_only(path) {
                    *guard = Arc::new(read_only);
                }
                Err(StoreError::Storage(format!(
                    "cannot reopen the store after a failed write: {e}"
                )))
            }
        }
    }

    /// Opens the store in `dir` read-only: a snapshot as of now, usable beside a running
    /// server (which holds the read-write lock).
    pub fn open_read_only(dir: &Path) -> Result<Self, StoreError> {
        match inspect(dir)? {
            DirState::Store { .. } => {}
            DirState::Missing | DirState::Empty => {
                return Err(StoreError::Invalid(format!(
                    "there is no store in {}",
                    dir.display()
                )));
            }
            state => return Err(StoreError::Damaged(describe_damage(dir, &state))),
        }
        let inner = Store::open_read_only(dir).map_err(|e| {
            StoreError::Storage(format!(
                "cannot open the store in {} read-only: {e}",
                dir.display()
            ))
        })?;
        Ok(Self::wrap(inner, None))
    }

    /// Copies the store into `target` (a new directory) as a consistent checkpoint. On the same
    /// file system the data files are hard links, so it is fast and small.
    pub fn backup(&self, target: &Path) -> Result<(), StoreError> {
        self.store()
            .backup(target)
            .map_err(|e| StoreError::Storage(format!("cannot back up into {}: {e}", target.display())))
    }

    /// A throw-away store in memory.
    pub fn in_memory() -> Result<Self, StoreError> {
        Ok(Self::wrap(Store::new()?, None))
    }

    /// Whether the store holds no quad at all.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store().is_empty()?)
    }

    /// The number of quads.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store().len()?)
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
        store: &'a Store,
        prepared: &PreparedQuery,
        token: Option<CancellationToken>,
    ) -> Result<QueryResults<'a>, StoreError> {
        Ok(Self::bound(store, prepared, token).execute()?)
    }

    /// The query ready to run on `store`: parameters bound, dataset set.
    fn bound<'a>(
        store: &'a Store,
        prepared: &PreparedQuery,
        token: Option<CancellationToken>,
    ) -> oxigraph::sparql::BoundPreparedSparqlQuery<'a> {
        let (query, rest) = with_values(prepared.query.clone(), &prepared.bindings);
        let mut query = Self::evaluator(token).for_query(query);
        for (variable, value) in rest {
            query = query.substitute_variable(variable, value);
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
        query.on_store(store)
    }

    /// Runs a query to its end, its answer thrown away, and gives the plan the optimizer chose
    /// with what each step did (rows out, time) as JSON: how to see why a query is slow.
    pub fn explain(
        &self,
        prepared: &PreparedQuery,
        token: Option<CancellationToken>,
    ) -> Result<(usize, String), StoreError> {
        let store = self.store();
        let (results, explanation) = Self::bound(&store, prepared, token)
            .compute_statistics()
            .explain();
        let mut rows = 0;
        match results? {
            QueryResults::Solutions(solutions) => {
                for solution in solutions {
                    solution?;
                    rows += 1;
                }
            }
            QueryResults::Boolean(_) => rows = 1,
            QueryResults::Graph(triples) => {
                for triple in triples {
                    triple?;
                    rows += 1;
                }
            }
        }
        let mut json = Vec::new();
        explanation
            .write_in_json(&mut json)
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        Ok((rows, String::from_utf8_lossy(&json).into_owned()))
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
        self.query_to(prepared, format, limits, token, Vec::new())
    }

    /// Evaluates a query and serialises its answer into `out` as it is found (the HTTP endpoint
    /// streams it to the client), with the limits of [`Database::query`]. A write error stops
    /// the evaluation: a client that goes away ends its query.
    pub fn query_to<W: std::io::Write>(
        &self,
        prepared: &PreparedQuery,
        format: OutputFormat,
        limits: &Limits,
        token: Option<CancellationToken>,
        out: W,
    ) -> Result<W, StoreError> {
        let io = |e: std::io::Error| StoreError::Storage(e.to_string());
        let store = self.store();
        match (Self::execute(&store, prepared, token)?, format) {
            (QueryResults::Solutions(solutions), OutputFormat::Results(f)) => {
                let mut serializer = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(out, solutions.variables().to_vec())
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
                    .serialize_boolean_to_writer(out, value)
                    .map_err(io)
            }
            (QueryResults::Graph(triples), OutputFormat::Rdf(f)) => {
                let mut serializer = RdfSerializer::from_format(f).for_writer(out);
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
        let store = self.store();
        match Self::execute(&store, prepared, token)? {
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
        let store = self.store();
        match Self::execute(&store, prepared, token)? {
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
        self.write(|store| {
            let update = checked_parser(text, "update", base_iri)?
                .parse_update(text)
                .map_err(|e| StoreError::Syntax(crate::guard::explain_syntax_error(text, &e.to_string())))?;
            if update
                .operations
                .iter()
                .any(|op| matches!(op, GraphUpdateOperation::Load { .. }))
            {
                return Err(StoreError::LoadRefused);
            }
            Self::evaluator(token)
                .for_update(update)
                .on_store(store)
                .execute()?;
            Ok(())
        })
    }

    /// Serialises one graph (the store's own default graph for [`GraphName::DefaultGraph`]),
    /// or `None` when a named graph does not exist.
    pub fn read_graph(&self, graph: &GraphName, format: RdfFormat) -> Result<Option<Vec<u8>>, StoreError> {
        if let GraphName::NamedNode(name) = graph
            && !self.store().contains_named_graph(name)?
        {
            return Ok(None);
        }
        let bytes = self
            .store()
            .dump_graph_to_writer(graph.as_ref(), format, Vec::new())
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        Ok(Some(bytes))
    }

    /// Serialises the whole dataset in a format that keeps graph names (`TriG`, N-Quads).
    pub fn export<W: std::io::Write>(&self, format: RdfFormat, writer: W) -> Result<W, StoreError> {
        self.store()
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
        self.write(|store| {
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
                GraphName::NamedNode(n) => store.contains_named_graph(n)?,
                _ => true,
            };
            let mut transaction = store.start_transaction()?;
            if replace {
                transaction.clear_graph(graph.as_ref())?;
            }
            if let GraphName::NamedNode(n) = graph {
                transaction.insert_named_graph(n);
            }
            transaction.load_from_slice(parser, data)?;
            transaction.commit()?;
            Ok(existed)
        })
    }

    /// Removes a graph; returns whether there was one.
    pub fn delete_graph(&self, graph: &GraphName) -> Result<bool, StoreError> {
        self.write(|store| match graph {
            GraphName::NamedNode(n) => {
                if !store.contains_named_graph(n)? {
                    return Ok(false);
                }
                let mut transaction = store.start_transaction()?;
                transaction.remove_named_graph(n)?;
                transaction.commit()?;
                Ok(true)
            }
            GraphName::DefaultGraph => {
                store.clear_graph(GraphNameRef::DefaultGraph)?;
                Ok(true)
            }
            GraphName::BlankNode(_) => Ok(false),
        })
    }

    /// Replaces a named graph with `quads` in one transaction (all or nothing).
    pub fn replace_graph_with(&self, graph: &NamedNode, quads: &[Quad]) -> Result<(), StoreError> {
        self.write(|store| {
            let mut transaction = store.start_transaction()?;
            transaction.clear_graph(graph)?;
            transaction.insert_named_graph(graph);
            transaction.extend(quads.iter().map(QuadRef::from));
            transaction.commit()?;
            Ok(())
        })
    }

    /// Stores an article's graphs in one transaction: all or nothing.
    ///
    /// An article whose provenance graph exists already is checked with `is_intact` (given the
    /// stored statement quads and the digest recorded for them): intact, it is a duplicate and
    /// nothing changes; damaged (a graph deleted or edited through `/store` or `/update`), both
    /// graphs are rewritten from `quads`. Checks recorded by `verify` for the statement graph
    /// in `checks_graph` are dropped when the graphs are (re)written: they described the old
    /// graph.
    pub fn store_article(
        &self,
        statements: &NamedNode,
        provenance: &NamedNode,
        checks_graph: &NamedNode,
        quads: &[Quad],
        is_intact: impl FnOnce(&[Quad], Option<&str>) -> bool,
        relink: impl FnOnce(
            &mut oxigraph::store::Transaction<'_>,
            &[Quad],
        ) -> Result<usize, oxigraph::store::StorageError>,
    ) -> Result<(Stored, usize), StoreError> {
        self.write(|store| {
            let mut transaction = store.start_transaction()?;
            let mut replaced: Vec<Quad> = Vec::new();
            let outcome = if transaction.contains_named_graph(provenance)? {
                let digest = NamedNode::new_unchecked(format!("{}canonicalDigest", crate::vocab::BIL));
                let recorded = transaction
                    .quads_for_pattern(
                        Some(statements.as_ref().into()),
                        Some(digest.as_ref()),
                        None,
                        Some(provenance.as_ref().into()),
                    )
                    .next()
                    .transpose()?
                    .and_then(|q| match q.object {
                        Term::Literal(l) => Some(l.value().to_owned()),
                        _ => None,
                    });
                let stored = transaction
                    .quads_for_pattern(None, None, None, Some(statements.as_ref().into()))
                    .collect::<Result<Vec<_>, _>>()?;
                if is_intact(&stored, recorded.as_deref()) {
                    return Ok((Stored::Duplicate, 0));
                }
                transaction.clear_graph(statements.as_ref())?;
                transaction.clear_graph(provenance.as_ref())?;
                replaced = stored;
                Stored::Repaired
            } else {
                Stored::New
            };
            Self::forget_checks(&mut transaction, checks_graph, statements)?;
            // The article's own graphs are new (or were just cleared); what it says of the
            // entities it names may be in the store already.
            let mut added = 0;
            for q in quads {
                let own = q.graph_name == GraphName::NamedNode(statements.clone())
                    || q.graph_name == GraphName::NamedNode(provenance.clone());
                if own || !transaction.contains(q)? {
                    added += 1;
                }
            }
            transaction.insert_named_graph(statements);
            transaction.insert_named_graph(provenance);
            transaction.extend(quads.iter().map(QuadRef::from));
            // What depends on the rest of the store (the links of events across articles, the
            // summary's counts), in the same transaction; given the statements replaced.
            added += relink(&mut transaction, &replaced)?;
            transaction.commit()?;
            Ok((outcome, added))
        })
    }

    /// Removes the checks that `verify` recorded about `graph`.
    fn forget_checks(
        transaction: &mut oxigraph::store::Transaction<'_>,
        checks_graph: &NamedNode,
        graph: &NamedNode,
    ) -> Result<(), StoreError> {
        let checked = NamedNode::new_unchecked(format!("{}checkedGraph", crate::vocab::BIL));
        let checks: Vec<_> = transaction
            .quads_for_pattern(
                None,
                Some(checked.as_ref()),
                Some(graph.as_ref().into()),
                Some(checks_graph.as_ref().into()),
            )
            .map(|q| q.map(|q| q.subject))
            .collect::<Result<_, _>>()?;
        for check in checks {
            let quads: Vec<_> = transaction
                .quads_for_pattern(
                    Some(check.as_ref()),
                    None,
                    None,
                    Some(checks_graph.as_ref().into()),
                )
                .collect::<Result<_, _>>()?;
            for q in &quads {
                transaction.remove(q);
            }
        }
        Ok(())
    }

    /// Removes the given graphs in one transaction, and the checks `verify` recorded about
    /// them in `checks_graph`; returns how many quads the graphs held.
    pub fn remove_graphs(
        &self,
        graphs: &[NamedNode],
        checks_graph: &NamedNode,
        entities: &NamedNode,
        keep_label: impl Fn(&NamedNode, &str) -> bool,
        unlink: impl FnOnce(
            &mut oxigraph::store::Transaction<'_>,
            &[Quad],
        ) -> Result<(), oxigraph::store::StorageError>,
    ) -> Result<usize, StoreError> {
        self.write(|store| {
            let mut removed = 0;
            let mut transaction = store.start_transaction()?;
            // What the graphs name that the entity graph describes: described no longer when no
            // other graph names it.
            let mut named: Vec<NamedNode> = Vec::new();
            let mut gone: Vec<Quad> = Vec::new();
            for g in graphs {
                if transaction.contains_named_graph(g)? {
                    for q in transaction.quads_for_pattern(None, None, None, Some(g.as_ref().into())) {
                        let q = q?;
                        removed += 1;
                        if let NamedOrBlankNode::NamedNode(n) = &q.subject {
                            named.push(n.clone());
                        }
                        if let Term::NamedNode(n) = &q.object {
                            named.push(n.clone());
                        }
                        gone.push(q);
                    }
                    transaction.remove_named_graph(g)?;
                    Self::forget_checks(&mut transaction, checks_graph, g)?;
                }
            }
            unlink(&mut transaction, &gone)?;
            named.sort();
            named.dedup();
            for n in named {
                Self::forget_unsupported(&mut transaction, &n, entities, &keep_label)?;
            }
            transaction.commit()?;
            Ok(removed)
        })
    }

    /// After graphs were removed: the entity `n`'s description goes when nothing outside the
    /// entity graph names it any more (with the nodes of its own, its offices); otherwise the
    /// names and spellings no remaining mention reads and `keep_label` does not keep.
    fn forget_unsupported(
        transaction: &mut oxigraph::store::Transaction<'_>,
        n: &NamedNode,
        entities: &NamedNode,
        keep_label: &impl Fn(&NamedNode, &str) -> bool,
    ) -> Result<(), oxigraph::store::StorageError> {
        let described: Vec<Quad> = transaction
            .quads_for_pattern(
                Some(n.as_ref().into()),
                None,
                None,
                Some(entities.as_ref().into()),
            )
            .collect::<Result<_, _>>()?;
        if described.is_empty() {
            return Ok(());
        }
        let outside = |q: &Result<Quad, _>| {
            q.as_ref().map_or(true, |q: &Quad| {
                q.graph_name != GraphName::NamedNode(entities.clone())
            })
        };
        let still_named = transaction
            .quads_for_pattern(Some(n.as_ref().into()), None, None, None)
            .any(|q| outside(&q))
            || transaction
                .quads_for_pattern(None, None, Some(n.as_ref().into()), None)
                .any(|q| outside(&q));
        if !still_named {
            // Its description, and the nodes of its own that point to it (its offices,
            // `<entity>/office/N`).
            let own_prefix = format!("{}/", n.as_str());
            let parts: Vec<NamedNode> = transaction
                .quads_for_pattern(
                    None,
                    None,
                    Some(n.as_ref().into()),
                    Some(entities.as_ref().into()),
                )
                .filter_map(|q| match q.map(|q| q.subject) {
                    Ok(NamedOrBlankNode::NamedNode(s)) if s.as_str().starts_with(&own_prefix) => Some(Ok(s)),
                    Ok(_) => None,
                    Err(e) => Some(Err(e)),
                })
                .collect::<Result<_, _>>()?;
            let mut gone = described.clone();
            for part in parts {
                gone.extend(
                    transaction
                        .quads_for_pattern(
                            Some(part.as_ref().into()),
                            None,
                            None,
                            Some(entities.as_ref().into()),
                        )
                        .collect::<Result<Vec<_>, _>>()?,
                );
            }
            for q in &gone {
                transaction.remove(q.as_ref());
            }
            return Ok(());
        }
        // A spelling only the removed graphs wrote goes with them: a name or an
        // alternative name stays while a mention of the entity reads so, or when
        // `keep_label` (the gazetteer) gives it.
        let alt = NamedNode::new_unchecked(format!("{}altLabel", crate::vocab::SKOS));
        let denoted = NamedNode::new_unchecked(format!("{}denotedBy", crate::vocab::GAF));
        let anchor = NamedNode::new_unchecked(format!("{}anchorOf", crate::vocab::NIF));
        let mentions: Vec<Term> = transaction
            .quads_for_pattern(Some(n.as_ref().into()), Some(denoted.as_ref()), None, None)
            .map(|q| q.map(|q| q.object))
            .collect::<Result<_, _>>()?;
        let name = NamedNode::new_unchecked(format!("{}name", crate::vocab::SCHEMA));
        // Only for what articles mention: an outlet named in headers, or the software,
        // keeps its names.
        let spelled = |q: &&Quad| q.predicate == alt || q.predicate == name;
        for q in described.iter().filter(spelled).filter(|_| !mentions.is_empty()) {
            let Term::Literal(label) = &q.object else {
                return Ok(());
            };
            let mut anchored = false;
            for m in &mentions {
                if let Term::NamedNode(m) = m {
                    let reads = Quad::new(m.clone(), anchor.clone(), label.clone(), GraphName::DefaultGraph);
                    if transaction
                        .quads_for_pattern(
                            Some(m.as_ref().into()),
                            Some(anchor.as_ref()),
                            Some(reads.object.as_ref()),
                            None,
                        )
                        .next()
                        .is_some()
                    {
                        anchored = true;
                        break;
                    }
                }
            }
            if !anchored && !keep_label(n, label.value()) {
                transaction.remove(q.as_ref());
            }
        }
        Ok(())
    }

    /// The quads of one named graph.
    pub fn graph_quads(&self, graph: &NamedNode) -> Result<Vec<Quad>, StoreError> {
        self.store()
            .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
            .map(|q| q.map_err(StoreError::from))
            .collect()
    }

    /// Quads whose subject is `subject`, in every graph, at most `limit`.
    pub fn quads_with_subject(&self, subject: &NamedNode, limit: usize) -> Result<Vec<Quad>, StoreError> {
        self.store()
            .quads_for_pattern(Some(subject.as_ref().into()), None, None, None)
            .take(limit)
            .map(|q| q.map_err(StoreError::from))
            .collect()
    }

    /// Quads whose predicate is `predicate`, in every graph, at most `limit`.
    pub fn quads_with_predicate(&self, predicate: &NamedNode, limit: usize) -> Result<Vec<Quad>, StoreError> {
        self.store()
            .quads_for_pattern(None, Some(predicate.as_ref()), None, None)
            .take(limit)
            .map(|q| q.map_err(StoreError::from))
            .collect()
    }

    /// Quads with this predicate and object, in every graph, at most `limit`.
    pub fn quads_with_predicate_object(
        &self,
        predicate: &NamedNode,
        object: &Term,
        limit: usize,
    ) -> Result<Vec<Quad>, StoreError> {
        self.store()
            .quads_for_pattern(None, Some(predicate.as_ref()), Some(object.as_ref()), None)
            .take(limit)
            .map(|q| q.map_err(StoreError::from))
            .collect()
    }

    /// Quads whose object is `object`, in every graph, at most `limit`.
    pub fn quads_with_object(&self, object: &NamedNode, limit: usize) -> Result<Vec<Quad>, StoreError> {
        self.store()
            .quads_for_pattern(None, None, Some(object.as_ref().into()), None)
            .take(limit)
            .map(|q| q.map_err(StoreError::from))
            .collect()
    }

    /// The number of named graphs.
    pub fn graph_count(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for g in self.store().named_graphs() {
            g?;
            n += 1;
        }
        Ok(n)
    }

    /// Whether a named graph exists.
    pub fn has_graph(&self, graph: &NamedNode) -> Result<bool, StoreError> {
        Ok(self.store().contains_named_graph(graph)?)
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
        self.write(|store| {
            let file = std::fs::File::open(path).map_err(|source| StoreError::Io {
                path: path.to_owned(),
                source,
            })?;
            let mut parser = RdfParser::from_format(format);
            if let Some(graph) = graph {
                parser = parser.with_default_graph(graph);
            }
            let mut loader = store.bulk_loader().on_progress(on_progress);
            loader.load_from_reader(parser, std::io::BufReader::new(file))?;
            loader.commit()?;
            Ok(())
        })
    }

    /// Seeds a store in one transaction: replaces each reference graph with its quads, stores
    /// each article's graphs unless they are there already, and adds `marker` (the quads that
    /// say the store is seeded). A crash at any point leaves either all of it or none.
    pub fn seed_transaction(
        &self,
        reference: &[(NamedNode, Vec<Quad>)],
        articles: &[(NamedNode, NamedNode, Vec<Quad>)],
        marker: &[Quad],
        link: impl Fn(&mut oxigraph::store::Transaction<'_>, usize) -> Result<(), oxigraph::store::StorageError>,
    ) -> Result<(), StoreError> {
        self.write(|store| {
            let mut transaction = store.start_transaction()?;
            for (graph, quads) in reference {
                transaction.clear_graph(graph)?;
                transaction.insert_named_graph(graph);
                transaction.extend(quads.iter().map(QuadRef::from));
            }
            for (i, (statements, provenance, quads)) in articles.iter().enumerate() {
                if transaction.contains_named_graph(provenance)? {
                    continue;
                }
                transaction.insert_named_graph(statements);
                transaction.insert_named_graph(provenance);
                transaction.extend(quads.iter().map(QuadRef::from));
                link(&mut transaction, i)?;
            }
            for q in marker {
                if let GraphName::NamedNode(g) = &q.graph_name {
                    transaction.insert_named_graph(g);
                }
                transaction.insert(q);
            }
            transaction.commit()?;
            Ok(())
        })
    }

    /// Starts a batch of quads to be bulk-loaded in one atomic step (see [`Batch`]).
    pub fn batch(&self) -> Result<Batch, StoreError> {
        Ok(Batch {
            store: (*self.store()).clone(),
            pending: Store::new()?,
            quads: Vec::new(),
            graphs: std::collections::HashSet::new(),
            previous: None,
            present: std::collections::HashSet::new(),
        })
    }

    /// Starts the batch that follows `before`, which may still be committing in another thread
    /// while this one is gathered: what `before` holds counts as stored for this one.
    pub fn batch_after(&self, before: &mut Batch) -> Result<Batch, StoreError> {
        let mut next = self.batch()?;
        next.previous = Some((before.pending.clone(), before.graphs.clone()));
        next.present = std::mem::take(&mut before.present);
        Ok(next)
    }

    /// Bulk-loads a batch: `RocksDB` files are written beside the store and ingested in one step,
    /// so after a crash either the whole batch is in the store or none of it. Far cheaper per
    /// quad than a transaction (no memtable, no write-ahead log), for writers that hold the
    /// store alone (the command line; the server's writes stay transactions).
    pub fn commit_batch(&self, batch: Batch) -> Result<usize, StoreError> {
        let n = batch.quads.len();
        if n == 0 {
            return Ok(0);
        }
        self.write(|store| {
            // One part of the batch per core, written in parallel (the loader's batch size is
            // its memory budget in thousands of quads, divided by its threads).
            let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
            let mut loader = store
                .bulk_loader()
                .with_num_threads(threads)
                .with_max_memory_size_in_megabytes(n / 1000 + threads);
            loader.load_quads(batch.quads)?;
            loader.commit()?;
            Ok(n)
        })
    }

    /// Runs `work` in one transaction of its own, committed when it returns `Ok`.
    pub fn transact(
        &self,
        work: impl FnOnce(&mut oxigraph::store::Transaction<'_>) -> Result<(), oxigraph::store::StorageError>,
    ) -> Result<(), StoreError> {
        self.write(|store| {
            let mut transaction = store.start_transaction()?;
            work(&mut transaction)?;
            transaction.commit()?;
            Ok(())
        })
    }

    /// Removes one quad (nothing when the store does not hold it).
    pub fn remove_quad(&self, quad: &Quad) -> Result<(), StoreError> {
        self.write(|store| {
            store.remove(quad)?;
            Ok(())
        })
    }

    /// Whether the store holds `quad`.
    pub fn contains(&self, quad: &Quad) -> Result<bool, StoreError> {
        Ok(self.store().contains(quad)?)
    }

    /// Writes the store's buffers to disk (called on shutdown).
    pub fn flush(&self) -> Result<(), StoreError> {
        Ok(self.store().flush()?)
    }
}

/// Quads gathered to be bulk-loaded together by [`Database::commit_batch`]. Until then they
/// are readable with the store ([`Batch::quads`], [`Batch::has_graph`]), so that what a batch's
/// later article reads includes what its earlier ones brought.
pub struct Batch {
    store: Store,
    /// The quads shared between articles (entity descriptions, links), for reading.
    pending: Store,
    quads: Vec<Quad>,
    graphs: std::collections::HashSet<NamedNode>,
    /// The shared quads and the graphs of the batch before this one, which may not be in the
    /// store yet (see [`Database::batch_after`]).
    previous: Option<(Store, std::collections::HashSet<NamedNode>)>,
    /// Shared quads known to be in the store or in this batch or an earlier one: most articles
    /// bring descriptions that earlier ones brought, and this spares a read of the store each.
    present: std::collections::HashSet<Quad>,
}

/// The most shared quads [`Batch`] remembers as present (about 200 bytes each).
const PRESENT_MAX: usize = 1 << 20;

impl Batch {
    /// Whether the store or the batch has the named graph.
    pub fn has_graph(&self, graph: &NamedNode) -> Result<bool, StoreError> {
        Ok(self.in_batch(graph) || self.store.contains_named_graph(graph)?)
    }

    /// Whether the batch (or the one before it) has the named graph: an earlier article of the
    /// ingest brought it.
    pub fn in_batch(&self, graph: &NamedNode) -> bool {
        self.graphs.contains(graph)
            || self
                .previous
                .as_ref()
                .is_some_and(|(_, graphs)| graphs.contains(graph))
    }

    /// The quads of one named graph in the store (not in the batch).
    pub fn stored_graph(&self, graph: &NamedNode) -> Result<Vec<Quad>, StoreError> {
        self.store
            .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
            .map(|q| q.map_err(StoreError::from))
            .collect()
    }

    /// Adds the quads of graphs new to the store, which no other article shares.
    pub fn add_graphs(&mut self, graphs: &[&NamedNode], quads: impl IntoIterator<Item = Quad>) {
        self.graphs.extend(graphs.iter().map(|g| (*g).clone()));
        self.quads.extend(quads);
    }

    /// Adds a quad that other articles may bring too; false when the store or the batch has
    /// it already.
    pub fn add_shared(&mut self, quad: Quad) -> Result<bool, StoreError> {
        if self.present.contains(&quad) {
            return Ok(false);
        }
        let before = |quad: &Quad| match &self.previous {
            Some((previous, _)) => previous.contains(quad),
            None => Ok(false),
        };
        let had = self.pending.contains(&quad)? || before(&quad)? || self.store.contains(&quad)?;
        if self.present.len() < PRESENT_MAX {
            self.present.insert(quad.clone());
        }
        if had {
            return Ok(false);
        }
        self.pending.insert(&quad)?;
        self.quads.push(quad);
        Ok(true)
    }

    /// Adds quads about the article's own nodes (its reports' links), which no other article
    /// can bring: no read of the store is needed.
    pub fn add_own(&mut self, quads: impl IntoIterator<Item = Quad>) {
        self.quads.extend(quads);
    }

    /// Articles' quads gathered so far.
    pub fn len(&self) -> usize {
        self.quads.len()
    }

    /// Whether nothing was gathered.
    pub fn is_empty(&self) -> bool {
        self.quads.is_empty()
    }

    /// The quads of `graph` matching the pattern, in the store or in the shared quads of this
    /// batch or the one before it.
    pub fn quads(
        &self,
        subject: Option<&NamedNode>,
        predicate: Option<&NamedNode>,
        object: Option<&Term>,
        graph: &GraphName,
    ) -> Result<Vec<Quad>, oxigraph::store::StorageError> {
        let mut out = Vec::new();
        let previous = self.previous.as_ref().map(|(p, _)| p);
        for store in [Some(&self.store), Some(&self.pending), previous]
            .into_iter()
            .flatten()
        {
            for q in store.quads_for_pattern(
                subject.map(|s| s.as_ref().into()),
                predicate.map(NamedNode::as_ref),
                object.map(Term::as_ref),
                Some(graph.as_ref()),
            ) {
                out.push(q?);
            }
        }
        Ok(out)
    }
}

/// What a store directory holds, as far as can be told without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirState {
    /// No such directory.
    Missing,
    /// An empty directory.
    Empty,
    /// A `RocksDB` store: `CURRENT` names a manifest that exists.
    Store {
        /// The manifest `CURRENT` names.
        manifest: String,
    },
    /// `RocksDB` files without a usable `CURRENT` (missing, or naming a missing manifest).
    NoCurrent {
        /// What `CURRENT` names, when it exists.
        named: Option<String>,
        /// The manifests present, oldest first.
        manifests: Vec<String>,
        /// How many `.sst` table files there are.
        tables: usize,
    },
    /// Files that are not a `RocksDB` store.
    Foreign {
        /// A few of them.
        examples: Vec<String>,
    },
    /// Not a directory.
    NotADirectory,
}

/// Looks at a store directory without changing anything in it.
pub fn inspect(dir: &Path) -> Result<DirState, StoreError> {
    let io = |source| StoreError::Io {
        path: dir.to_owned(),
        source,
    };
    let meta = match std::fs::metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(DirState::Missing),
        Err(e) => return Err(io(e)),
    };
    if !meta.is_dir() {
        return Ok(DirState::NotADirectory);
    }
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    if names.is_empty() {
        return Ok(DirState::Empty);
    }
    let mut manifests: Vec<String> = names
        .iter()
        .filter(|n| n.starts_with("MANIFEST-"))
        .cloned()
        .collect();
    manifests.sort_by_key(|m| m.trim_start_matches("MANIFEST-").parse::<u64>().unwrap_or(0));
    let has_ext = |n: &str, ext: &str| {
        Path::new(n)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(ext))
    };
    let tables = names.iter().filter(|n| has_ext(n, "sst")).count();
    let rocksdb_like = |n: &String| {
        n == "CURRENT"
            || n == "IDENTITY"
            || n == "LOCK"
            || n.starts_with("MANIFEST-")
            || n.starts_with("OPTIONS-")
            || n.starts_with("LOG")
            || has_ext(n, "sst")
            || has_ext(n, "log")
            || has_ext(n, "blob")
    };
    if !names
        .iter()
        .any(|n| n == "CURRENT" || n.starts_with("MANIFEST-") || has_ext(n, "sst"))
    {
        let examples = names
            .iter()
            .filter(|n| !rocksdb_like(n))
            .take(3)
            .cloned()
            .collect::<Vec<_>>();
        if examples.is_empty() {
            // Only a LOCK, LOG or OPTIONS file: a store whose creation was interrupted before
            // it held anything. Safe to create into.
            return Ok(DirState::Empty);
        }
        return Ok(DirState::Foreign { examples });
    }
    let current = std::fs::read_to_string(dir.join("CURRENT"))
        .ok()
        .map(|c| c.trim().to_owned());
    match current {
        Some(m) if !m.is_empty() && manifests.contains(&m) => Ok(DirState::Store { manifest: m }),
        current => Ok(DirState::NoCurrent {
            named: current,
            manifests,
            tables,
        }),
    }
}

/// Repairs a store whose `CURRENT` file is missing or names a missing manifest: tries each
/// manifest, newest first, by writing `CURRENT` and opening the store read-only (which changes
/// nothing else), and keeps the first that holds data (else the newest that opens). Returns the
/// manifest chosen and the quads the store then holds. The caller backs the directory up first.
pub fn repair_current(dir: &Path) -> Result<(String, usize), StoreError> {
    let DirState::NoCurrent { manifests, .. } = inspect(dir)? else {
        return Err(StoreError::Invalid(format!(
            "the CURRENT file of {} needs no repair",
            dir.display()
        )));
    };
    let current = dir.join("CURRENT");
    let write_current = |m: &str| {
        std::fs::write(&current, format!("{m}\n")).map_err(|source| StoreError::Io {
            path: current.clone(),
            source,
        })
    };
    let mut fallback: Option<(String, usize)> = None;
    for manifest in manifests.iter().rev() {
        write_current(manifest)?;
        let Ok(store) = Store::open_read_only(dir) else {
            continue;
        };
        let quads = store.len().unwrap_or(0);
        drop(store);
        if quads > 0 {
            return Ok((manifest.clone(), quads));
        }
        if fallback.is_none() {
            fallback = Some((manifest.clone(), quads));
        }
    }
    if let Some((m, quads)) = fallback {
        write_current(&m)?;
        Ok((m, quads))
    } else {
        let _ = std::fs::remove_file(&current);
        Err(StoreError::Damaged(format!(
            "no manifest of {} opens ({}); restore a backup",
            dir.display(),
            manifests.join(", ")
        )))
    }
}

/// One paragraph for a refused directory: what is wrong and what to do.
pub fn describe_damage(dir: &Path, state: &DirState) -> String {
    let d = dir.display();
    match state {
        DirState::NoCurrent {
            named,
            manifests,
            tables,
        } => {
            let what = match named {
                None => "its CURRENT file is missing".to_owned(),
                Some(m) => format!("its CURRENT file names {m}, which is not there"),
            };
            format!(
                "the store in {d} is damaged: {what} ({tables} table files, manifests: {}). Nothing was changed. \
                 Run `bilateral doctor --data {d}` to see what it holds and `bilateral doctor --data {d} --repair` \
                 to repair it (it backs the directory up first), or restore a backup with `bilateral restore`",
                if manifests.is_empty() {
                    "none".to_owned()
                } else {
                    manifests.join(", ")
                }
            )
        }
        DirState::Foreign { examples } => format!(
            "{d} is not empty and does not hold a bilateral store (it has {}); refusing to create a store there. \
             Give a new or empty directory with --data",
            examples.join(", ")
        ),
        DirState::NotADirectory => format!("{d} is not a directory; give a directory with --data"),
        DirState::Missing | DirState::Empty | DirState::Store { .. } => format!("{d} is usable"),
    }
}

/// Whether a storage error says the disk is full (`RocksDB` passes the system's words on).
pub fn is_disk_full(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    m.contains("no space left") || m.contains("enospc") || m.contains("disk quota exceeded")
}

/// Parses one RDF file into quads of `graph` (for reference data: small files).
pub fn parse_file(
    path: &Path,
    format: RdfFormat,
    graph: &NamedNode,
    base_iri: &str,
) -> Result<Vec<Quad>, StoreError> {
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
    Ok(quads)
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
