//! Prometheus text metrics: requests by route and status, a latency histogram, query
//! timeouts and the store's size.

use crate::http::SharedState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

const BUCKETS: [f64; 12] = [
    0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0, 30.0,
];

/// The counters of a running service.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, u16), u64>>,
    buckets: [AtomicU64; BUCKETS.len()],
    latency_count: AtomicU64,
    latency_sum_micros: AtomicU64,
    timeouts: AtomicU64,
    rejected: AtomicU64,
    /// The store's quads and graphs, as last counted, and when.
    counts: Mutex<Option<(std::time::Instant, usize, usize)>>,
    /// A request is counting them now.
    counting: std::sync::atomic::AtomicBool,
}

impl Metrics {
    /// Records one answered request.
    pub fn record(&self, route: &str, status: u16, elapsed: Duration) {
        if let Ok(mut map) = self.requests.lock() {
            *map.entry((route.to_owned(), status)).or_default() += 1;
        }
        let secs = elapsed.as_secs_f64();
        for (bucket, bound) in self.buckets.iter().zip(BUCKETS) {
            if secs <= bound {
                bucket.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.latency_count.fetch_add(1, Ordering::Relaxed);
        self.latency_sum_micros.fetch_add(
            u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }

    /// Records a query stopped by the time limit.
    pub fn query_timeout(&self) {
        self.timeouts.fetch_add(1, Ordering::Relaxed);
    }

    /// Records a query refused because every evaluation slot was taken.
    pub fn query_rejected(&self) {
        self.rejected.fetch_add(1, Ordering::Relaxed);
    }

    /// The metrics in the Prometheus text exposition format.
    pub fn render(&self, quads: Option<usize>, graphs: Option<usize>, running: usize) -> String {
        let mut out = String::new();
        out.push_str("# HELP bilateral_http_requests_total HTTP requests answered, by route and status.\n");
        out.push_str("# TYPE bilateral_http_requests_total counter\n");
        if let Ok(map) = self.requests.lock() {
            for ((route, status), n) in map.iter() {
                let _ = writeln!(
                    out,
                    "bilateral_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}"
                );
            }
        }
        out.push_str("# HELP bilateral_http_request_duration_seconds Time to answer a request.\n");
        out.push_str("# TYPE bilateral_http_request_duration_seconds histogram\n");
        for (bucket, bound) in self.buckets.iter().zip(BUCKETS) {
            let _ = writeln!(
                out,
                "bilateral_http_request_duration_seconds_bucket{{le=\"{bound}\"}} {}",
                bucket.load(Ordering::Relaxed)
            );
        }
        let count = self.latency_count.load(Ordering::Relaxed);
        let _ = writeln!(
            out,
            "bilateral_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {count}"
        );
        #[expect(
            clippy::cast_precision_loss,
            reason = "a sum of microseconds fits an f64 well enough for monitoring"
        )]
        let sum = self.latency_sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "bilateral_http_request_duration_seconds_sum {sum}");
        let _ = writeln!(out, "bilateral_http_request_duration_seconds_count {count}");
        out.push_str("# HELP bilateral_query_timeouts_total Queries stopped by the time limit.\n");
        out.push_str("# TYPE bilateral_query_timeouts_total counter\n");
        let _ = writeln!(
            out,
            "bilateral_query_timeouts_total {}",
            self.timeouts.load(Ordering::Relaxed)
        );
        out.push_str("# HELP bilateral_queries_rejected_total Queries refused because every evaluation slot was taken.\n");
        out.push_str("# TYPE bilateral_queries_rejected_total counter\n");
        let _ = writeln!(
            out,
            "bilateral_queries_rejected_total {}",
            self.rejected.load(Ordering::Relaxed)
        );
        out.push_str("# HELP bilateral_store_tasks_running Queries and writes running on the store now.\n");
        out.push_str("# TYPE bilateral_store_tasks_running gauge\n");
        let _ = writeln!(out, "bilateral_store_tasks_running {running}");
        if let Some(quads) = quads {
            out.push_str(
                "# HELP bilateral_store_quads Quads in the store.\n# TYPE bilateral_store_quads gauge\n",
            );
            let _ = writeln!(out, "bilateral_store_quads {quads}");
        }
        if let Some(graphs) = graphs {
            out.push_str("# HELP bilateral_store_graphs Named graphs in the store.\n# TYPE bilateral_store_graphs gauge\n");
            let _ = writeln!(out, "bilateral_store_graphs {graphs}");
        }
        out
    }
}

/// How long the store's counts stay fresh: counting quads and graphs scans the whole store, so
/// a scraper calling every few seconds must not start a scan each time.
const COUNTS_FRESH_FOR: Duration = Duration::from_mins(1);

/// The store's quads and named graphs, counted at most once a minute by one request at a time
/// (the others get the last counts; `None` before the first count finished).
pub async fn store_counts(state: &SharedState) -> (Option<usize>, Option<usize>) {
    let last = state.metrics.counts.lock().ok().and_then(|c| *c);
    let outdated = last.is_none_or(|(at, _, _)| at.elapsed() > COUNTS_FRESH_FOR);
    let mut sizes = last.map_or((None, None), |(_, q, g)| (Some(q), Some(g)));
    if outdated && !state.metrics.counting.swap(true, Ordering::AcqRel) {
        let db = state.db.clone();
        let counted = tokio::task::spawn_blocking(move || (db.len().ok(), db.graph_count().ok())).await;
        if let Ok((Some(q), Some(g))) = counted {
            if let Ok(mut c) = state.metrics.counts.lock() {
                *c = Some((std::time::Instant::now(), q, g));
            }
            sizes = (Some(q), Some(g));
        }
        state.metrics.counting.store(false, Ordering::Release);
    }
    sizes
}

/// `GET /metrics`, with the store's sizes from [`store_counts`].
pub async fn handler(State(state): State<SharedState>) -> impl IntoResponse {
    let sizes = store_counts(&state).await;
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        state.metrics.render(sizes.0, sizes.1, state.running()),
    )
}
