//! Stable sorting for the whole crate through one sort of positions.
//!
//! The standard library's sort is generic over the element and the comparison, so each
//! `sort_by_key` with its own closure carries its own copy of the sorting algorithm (several
//! kilobytes of WebAssembly each). Here the algorithm runs once, over `usize` positions with a
//! comparison passed by reference; the elements are then moved into that order. Every
//! function is stable: equal elements keep their order.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| cmp(&items[a], &items[b]));
    apply(items, order);
}

/// Sorts `items` stably by the key `key` gives each.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one instance of the standard sort: positions by a comparison of the elements at them.
#[inline(never)]
fn sort_positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Moves the elements so that position `i` holds the element that was at `order[i]`,
/// following each cycle of the permutation with swaps.
fn apply<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            items.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        #[test]
        fn same_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..64)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorts_in_order_and_by_a_comparison() {
        let mut words = vec!["丙", "甲", "乙", "甲"];
        let mut expected = words.clone();
        expected.sort();
        sort(&mut words);
        assert_eq!(words, expected);
        let mut n = vec![3, 1, 2];
        sort_by(&mut n, |a, b| b.cmp(a));
        assert_eq!(n, [3, 2, 1]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
