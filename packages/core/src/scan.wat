;; The hot loop of the byte matcher: a dense DFA walk over bytes.
;; Memory holds the transition table from offset 0: the next state for (state, byte) is the i32 at
;; state + byte * 4, where a state is its id times 1024 (its row's byte offset). The input is copied
;; into memory after the table.
(module
  (memory (export "memory") 1)
  (global $state (mut i32) (i32.const 0))

  ;; Walks bytes [p, end) from state s. Stops after the first byte that leads to a state >= stop and
  ;; returns the position just after it; returns -1 at end. Either way the state reached is kept for
  ;; `state()`.
  (func (export "scan") (param $p i32) (param $end i32) (param $s i32) (param $stop i32) (result i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $s
          (i32.load
            (i32.add (local.get $s) (i32.shl (i32.load8_u (local.get $p)) (i32.const 2)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $s) (local.get $stop)))
        (global.set $state (local.get $s))
        (return (local.get $p))))
    (global.set $state (local.get $s))
    (i32.const -1))

  (func (export "state") (result i32) (global.get $state)))
