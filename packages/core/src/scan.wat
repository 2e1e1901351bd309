;; The hot loop of the byte matcher: a dense DFA walk over bytes, with byte classes.
;; Memory: the 256-byte class table at 0; the transition table at 1024, one row of 2^shift entries per
;; state (u16 entries for scan16, u32 for scan32); the input after the table.
(module
  (memory (export "memory") 1)
  (global $state (mut i32) (i32.const 0))
  (global $gp0 (export "p0") (mut i32) (i32.const 0))
  (global $gs0 (export "s0") (mut i32) (i32.const 0))
  (global $gp1 (export "p1") (mut i32) (i32.const 0))
  (global $gs1 (export "s1") (mut i32) (i32.const 0))
  (global $gp2 (export "p2") (mut i32) (i32.const 0))
  (global $gs2 (export "s2") (mut i32) (i32.const 0))
  (global $gp3 (export "p3") (mut i32) (i32.const 0))
  (global $gs3 (export "s3") (mut i32) (i32.const 0))

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

  ;; Four independent walks interleaved, so that their table loads overlap in time. Lane k walks from
  ;; p{k} in state s{k} (exported globals). Steps every lane at most n times; returns after the first step
  ;; in which some lane reached a state >= stop, with the mask of those lanes (bit k for lane k), or 0
  ;; after n steps. The globals then hold each lane's position (just after the byte last read) and state.
  (func (export "scan4x16") (param $n i32) (param $stop i32) (param $shift i32) (result i32)
    (local $p0 i32) (local $s0 i32) (local $p1 i32) (local $s1 i32) (local $p2 i32) (local $s2 i32) (local $p3 i32) (local $s3 i32) (local $m i32)
    (local.set $p0 (global.get $gp0))
    (local.set $s0 (global.get $gs0))
    (local.set $p1 (global.get $gp1))
    (local.set $s1 (global.get $gs1))
    (local.set $p2 (global.get $gp2))
    (local.set $s2 (global.get $gs2))
    (local.set $p3 (global.get $gp3))
    (local.set $s3 (global.get $gs3))
    (block $out
      (loop $step
        (br_if $out (i32.eqz (local.get $n)))
      (local.set $s0
        (i32.load16_u offset=1024
          (i32.shl
            (i32.or (i32.shl (local.get $s0) (local.get $shift)) (i32.load8_u (i32.load8_u (local.get $p0))))
            (i32.const 1))))
      (local.set $p0 (i32.add (local.get $p0) (i32.const 1)))
      (local.set $s1
        (i32.load16_u offset=1024
          (i32.shl
            (i32.or (i32.shl (local.get $s1) (local.get $shift)) (i32.load8_u (i32.load8_u (local.get $p1))))
            (i32.const 1))))
      (local.set $p1 (i32.add (local.get $p1) (i32.const 1)))
      (local.set $s2
        (i32.load16_u offset=1024
          (i32.shl
            (i32.or (i32.shl (local.get $s2) (local.get $shift)) (i32.load8_u (i32.load8_u (local.get $p2))))
            (i32.const 1))))
      (local.set $p2 (i32.add (local.get $p2) (i32.const 1)))
      (local.set $s3
        (i32.load16_u offset=1024
          (i32.shl
            (i32.or (i32.shl (local.get $s3) (local.get $shift)) (i32.load8_u (i32.load8_u (local.get $p3))))
            (i32.const 1))))
      (local.set $p3 (i32.add (local.get $p3) (i32.const 1)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (local.set $m
          (i32.or
            (i32.or
              (i32.ge_u (local.get $s0) (local.get $stop))
              (i32.shl (i32.ge_u (local.get $s1) (local.get $stop)) (i32.const 1)))
            (i32.or
              (i32.shl (i32.ge_u (local.get $s2) (local.get $stop)) (i32.const 2))
              (i32.shl (i32.ge_u (local.get $s3) (local.get $stop)) (i32.const 3)))))
        (br_if $step (i32.eqz (local.get $m)))))
    (global.set $gp0 (local.get $p0))
    (global.set $gs0 (local.get $s0))
    (global.set $gp1 (local.get $p1))
    (global.set $gs1 (local.get $s1))
    (global.set $gp2 (local.get $p2))
    (global.set $gs2 (local.get $s2))
    (global.set $gp3 (local.get $p3))
    (global.set $gs3 (local.get $s3))
    (local.get $m))

  (func (export "state") (result i32) (global.get $state)))
