//! A memory budget per query: the process's allocator counts what each thread allocates while a
//! [`Budget`] is entered on it, and cancels the budget's token once the count passes the limit.
//!
//! The SPARQL evaluator runs a query on one thread and checks its cancellation token between
//! every two operators (`vendor/spareval`), so a query that builds a large hash table, sort or
//! `DISTINCT` set stops within a few thousand tuples of its limit and drops what it built. The
//! count is of bytes allocated minus bytes freed on the thread while the budget is entered
//! (the memory of `RocksDB`, in C++, is not counted: its block cache has its own bound).
//! mimalloc's `override` feature also makes it C's `malloc` and C++'s `new` in this process, so
//! `RocksDB`'s many small allocations (an iterator's arena, its read options) are mimalloc's too.
//!
//! This is the crate's one module with `unsafe` code: the `GlobalAlloc` implementation (which
//! forwards to mimalloc) and reading the entered budget through a raw pointer, which
//! is set only while an [`Entered`] guard borrows the budget.

#![allow(unsafe_code)]

use mimalloc::MiMalloc as Inner;
use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};

/// A budget of memory for one piece of work, and the token to cancel when it is spent.
pub struct Budget {
    used: AtomicIsize,
    peak: AtomicIsize,
    limit: isize,
    exceeded: AtomicBool,
    token: oxigraph::sparql::CancellationToken,
}

impl std::fmt::Debug for Budget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Budget")
            .field("used", &self.used)
            .field("limit", &self.limit)
            .field("exceeded", &self.exceeded)
            .finish_non_exhaustive()
    }
}

thread_local! {
    /// The budget entered on this thread (null when none). Const-initialised and without a
    /// destructor, so reading it never allocates and works at any point of a thread's life.
    static CURRENT: Cell<*const Budget> = const { Cell::new(std::ptr::null()) };
}

impl Budget {
    /// A budget of `limit` bytes that cancels `token` when spent.
    pub fn new(limit: usize, token: oxigraph::sparql::CancellationToken) -> Self {
        Self {
            used: AtomicIsize::new(0),
            peak: AtomicIsize::new(0),
            limit: isize::try_from(limit).unwrap_or(isize::MAX),
            exceeded: AtomicBool::new(false),
            token,
        }
    }

    /// Counts this thread's allocations against the budget until the guard is dropped.
    pub fn enter(&self) -> Entered<'_> {
        let previous = CURRENT.with(|c| c.replace(std::ptr::from_ref(self)));
        Entered {
            _budget: self,
            previous,
        }
    }

    /// Whether the work went past the budget (and its token was cancelled for it).
    pub fn exceeded(&self) -> bool {
        self.exceeded.load(Ordering::Acquire)
    }

    /// The most bytes the work held at once (allocated minus freed, on its thread).
    pub fn peak(&self) -> usize {
        usize::try_from(self.peak.load(Ordering::Relaxed)).unwrap_or(0)
    }

    /// The limit, in bytes.
    pub fn limit(&self) -> usize {
        usize::try_from(self.limit).unwrap_or(usize::MAX)
    }

    fn charge(&self, bytes: isize) {
        let used = self.used.fetch_add(bytes, Ordering::Relaxed) + bytes;
        if bytes > 0 {
            self.peak.fetch_max(used, Ordering::Relaxed);
            if used > self.limit && !self.exceeded.swap(true, Ordering::AcqRel) {
                // An atomic store: no allocation here.
                self.token.cancel();
            }
        }
    }
}

/// While alive, the thread's allocations count against a budget.
#[derive(Debug)]
pub struct Entered<'a> {
    _budget: &'a Budget,
    previous: *const Budget,
}

impl Drop for Entered<'_> {
    fn drop(&mut self) {
        let previous = self.previous;
        CURRENT.with(|c| c.set(previous));
    }
}

/// While alive, this thread's allocations count against no budget: for memory handed to
/// another thread, which frees it there (a chunk of a streamed answer).
#[derive(Debug)]
pub struct Paused {
    previous: *const Budget,
}

/// Stops counting this thread's allocations until the guard is dropped.
pub fn pause() -> Paused {
    Paused {
        previous: CURRENT.with(|c| c.replace(std::ptr::null())),
    }
}

impl Drop for Paused {
    fn drop(&mut self) {
        let previous = self.previous;
        CURRENT.with(|c| c.set(previous));
    }
}

fn charge(bytes: isize) {
    let _ = CURRENT.try_with(|c| {
        let current = c.get();
        if !current.is_null() {
            // SAFETY: `CURRENT` points to a budget only while an `Entered` guard that borrows
            // it is alive on this thread (set in `enter`, restored in its `drop`).
            unsafe { &*current }.charge(bytes);
        }
    });
}

/// The process's allocator: the system's, counting against the entered budget.
#[derive(Debug)]
pub struct Counting;

fn signed(size: usize) -> isize {
    isize::try_from(size).unwrap_or(isize::MAX)
}

// SAFETY: every method forwards to the inner allocator with the same arguments; the counting touches
// only a const thread-local and atomics, and never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        charge(signed(layout.size()));
        // SAFETY: the caller's contract, passed on.
        unsafe { Inner.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        charge(signed(layout.size()));
        // SAFETY: the caller's contract, passed on.
        unsafe { Inner.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        charge(-signed(layout.size()));
        // SAFETY: the caller's contract, passed on.
        unsafe { Inner.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        charge(signed(new_size) - signed(layout.size()));
        // SAFETY: the caller's contract, passed on.
        unsafe { Inner.realloc(ptr, layout, new_size) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_counts_its_thread_and_cancels_past_its_limit() {
        let token = oxigraph::sparql::CancellationToken::new();
        let budget = Budget::new(1 << 20, token.clone());
        {
            let _entered = budget.enter();
            let small = vec![0_u8; 1000];
            assert!(!budget.exceeded());
            drop(small);
            // Another thread's allocations do not count.
            std::thread::spawn(|| vec![0_u8; 4 << 20].len()).join().unwrap();
            assert!(!budget.exceeded());
            let big = vec![1_u8; 2 << 20];
            assert!(budget.exceeded() && token.is_cancelled());
            drop(big);
        }
        assert!(budget.peak() >= 2 << 20);
        // Once the guard is gone, nothing counts.
        let after = Budget::new(10, oxigraph::sparql::CancellationToken::new());
        let _ = vec![0_u8; 100];
        assert!(!after.exceeded());
    }
}
