;; The hot loop of the byte matcher: a dense DFA walk over bytes, with byte classes.
;; Memory: the 256-byte class table at 0; the transition table at 1024, one row of 2^shift entries per
;; state (u16 entries for scan16, u32 for scan32); the input after the table.
(module
  (memory (export "memory") 1)
  (global $state (mut i32) (i32.const 0))

  ;; Walks bytes [p, end) from state s. Stops after the first byte that leads to a state >= stop and
  ;; returns the position just after it; returns -1 at end. Either way the state reached is kept for
  ;; `state()`.
  (func (export "scan16") (param $p i32) (param $end i32) (param $s i32) (param $stop i32) (param $shift i32) (result i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $s
          (i32.load16_u offset=1024
            (i32.shl
              (i32.or
                (i32.shl (local.get $s) (local.get $shift))
                (i32.load8_u (i32.load8_u (local.get $p))))
              (i32.const 1))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $s) (local.get $stop)))
        (global.set $state (local.get $s))
        (return (local.get $p))))
    (global.set $state (local.get $s))
    (i32.const -1))

  (func (export "scan32") (param $p i32) (param $end i32) (param $s i32) (param $stop i32) (param $shift i32) (result i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $s
          (i32.load offset=1024
            (i32.shl
              (i32.or
                (i32.shl (local.get $s) (local.get $shift))
                (i32.load8_u (i32.load8_u (local.get $p))))
              (i32.const 2))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $s) (local.get $stop)))
        (global.set $state (local.get $s))
        (return (local.get $p))))
    (global.set $state (local.get $s))
    (i32.const -1))

  (func (export "state") (result i32) (global.get $state)))
