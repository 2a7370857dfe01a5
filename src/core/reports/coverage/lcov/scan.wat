;; The LCOV scanner's inner loop, in WebAssembly (built into scan-wasm.ts by scripts/build-wasm.mjs).
;;
;; Why: a JavaScript loop over bytes runs at ~1.3 ns a byte at best here, and well below that in a
;; cold process, before V8 has optimised it; this module is compiled in well under a millisecond
;; and reads a tracefile's bytes several times faster from the first one. It is the parser's own
;; hot loop (issue 6's speed targets), so no library fits.
;;
;; What: `scan` reads the lines of an open record that make up nearly all of a tracefile, each in
;; the one exact shape the JavaScript scanner (scan.ts) reads fast, with the same results:
;;   DA:<line>,<hits>[,<checksum>]       sets the line's two bits here (the record's bitset)
;;   BRDA:<line>,<block>,<branch…>,<taken or ->          goes to the tape: 1, line, arms, taken
;;                                                       (arms in a row on one line share an entry)
;;   FN:<line>,[<end line>,]<name>                       goes to the tape: 2, line, name, hash
;;   FNDA:<hits>,<name>                                  goes to the tape: 3, hits > 0, name
;; and stops at the first line that is anything else (SF, end_of_record, totals, odd or malformed
;; lines), which JavaScript then reads as before. So this loop only decides how fast a line is
;; read, never what it means. Every line ends with \n (the block reader guarantees it), and the
;; caller leaves 4 bytes after the input, so the 4-byte loads below stay in memory.
;;
;; Memory (laid out by wasm.ts): the bitset from 0 (byte 2i "coverable" for lines 8i…8i+7, byte
;; 2i+1 "covered"), the tape, the input. Tape entries are 5 int32s: kind, a, name start, name end
;; (without a \r), name hash (the hash RecordFunctions computes: h = (h * 31 + byte) & 0x3fffffff).
(module
  (memory (export "memory") 1)
  ;; After a call: lines read, bytes of the bitset in use (read before it too), end of the tape.
  (global $lines (export "lines") (mut i32) (i32.const 0))
  (global $used (export "used") (mut i32) (i32.const 0))
  (global $tapeEnd (export "tapeEnd") (mut i32) (i32.const 0))

  ;; Reads lines from $i until $end, a line it does not read, or the tape passing $tapeLimit; with
  ;; $open 0 (no record open: before the first SF, after an end_of_record) only skipped lines.
  ;; Returns where it stopped (the start of a line).
  (func (export "scan") (param $i i32) (param $end i32) (param $tape i32) (param $tapeLimit i32) (param $maxLine i32) (param $open i32) (result i32)
    (local $j i32) (local $c i32) (local $v i32) (local $seen i32) (local $hit i32) (local $n i32)
    (local $used i32) (local $at i32) (local $bit i32) (local $last i32) (local $commas i32)
    (local $lineEnd i32) (local $name i32) (local $hash i32) (local $before i32) (local $fnda i32)
    (local $lastBranch i32)
    (local.set $used (global.get $used))
    (local.set $lastBranch (i32.const -1))
    (block $stop
      (loop $line
        (br_if $stop (i32.ge_u (local.get $i) (local.get $end)))
        (br_if $stop (i32.gt_u (local.get $tape) (local.get $tapeLimit)))
        (local.set $c (i32.load8_u (local.get $i)))

        (block $read
          (block $other
            ;; outside a record (before its SF), only skipped lines are read here
            (br_if $other (i32.eqz (local.get $open)))
            ;; ---- DA:<line>,<hits>
            (if (i32.eq (local.get $c) (i32.const 68))
              (then
                (br_if $other (i32.ne (i32.and (i32.load (local.get $i)) (i32.const 0xffffff)) (i32.const 0x3a4144)))
                (local.set $j (i32.add (local.get $i) (i32.const 3)))
                (local.set $v (i32.const 0))
                (block $digits
                  (loop $digit
                    (local.set $c (i32.sub (i32.load8_u (local.get $j)) (i32.const 48)))
                    (br_if $digits (i32.gt_u (local.get $c) (i32.const 9)))
                    (local.set $v (i32.add (i32.mul (local.get $v) (i32.const 10)) (local.get $c)))
                    (br_if $stop (i32.gt_u (local.get $v) (local.get $maxLine)))
                    (local.set $j (i32.add (local.get $j) (i32.const 1)))
                    (br $digit)))
                ;; a line of 1 or more, then a comma (44 - 48)
                (br_if $stop (i32.eqz (local.get $v)))
                (br_if $stop (i32.ne (local.get $c) (i32.const -4)))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (local.set $hit (i32.const 0))
                (local.set $seen (i32.const 0))
                (block $digits
                  (loop $digit
                    (local.set $c (i32.sub (i32.load8_u (local.get $j)) (i32.const 48)))
                    (br_if $digits (i32.gt_u (local.get $c) (i32.const 9)))
                    (local.set $hit (i32.or (local.get $hit) (local.get $c)))
                    (local.set $seen (i32.const 1))
                    (local.set $j (i32.add (local.get $j) (i32.const 1)))
                    (br $digit)))
                (br_if $stop (i32.eqz (local.get $seen)))
                ;; the end of the line: \n (10 - 48), \r\n (13 - 48), or a ,checksum and then \n
                (if (i32.eq (local.get $c) (i32.const -38))
                  (then (local.set $j (i32.add (local.get $j) (i32.const 1))))
                  (else
                    (if (i32.eq (local.get $c) (i32.const -35))
                      (then
                        (br_if $stop (i32.ne (i32.load8_u offset=1 (local.get $j)) (i32.const 10)))
                        (local.set $j (i32.add (local.get $j) (i32.const 2))))
                      (else
                        (br_if $stop (i32.ne (local.get $c) (i32.const -4)))
                        (block $eol
                          (loop $skip
                            (br_if $eol (i32.eq (i32.load8_u (local.get $j)) (i32.const 10)))
                            (local.set $j (i32.add (local.get $j) (i32.const 1)))
                            (br $skip)))
                        (local.set $j (i32.add (local.get $j) (i32.const 1)))))))
                (local.set $at (i32.shl (i32.shr_u (local.get $v) (i32.const 3)) (i32.const 1)))
                (local.set $bit (i32.shl (i32.const 1) (i32.and (local.get $v) (i32.const 7))))
                (i32.store8 (local.get $at) (i32.or (i32.load8_u (local.get $at)) (local.get $bit)))
                (if (local.get $hit)
                  (then (i32.store8 offset=1 (local.get $at) (i32.or (i32.load8_u offset=1 (local.get $at)) (local.get $bit)))))
                (if (i32.ge_u (local.get $at) (local.get $used))
                  (then (local.set $used (i32.add (local.get $at) (i32.const 2))))))

            ;; ---- BRDA:<line>,<block>,<branch…>,<taken or ->
            (else (if (i32.eq (local.get $c) (i32.const 66))
              (then
                (br_if $other (i32.ne (i32.load (local.get $i)) (i32.const 0x41445242)))
                (br_if $other (i32.ne (i32.load8_u offset=4 (local.get $i)) (i32.const 58)))
                (local.set $j (i32.add (local.get $i) (i32.const 5)))
                (local.set $v (i32.const 0))
                (block $digits
                  (loop $digit
                    (local.set $c (i32.sub (i32.load8_u (local.get $j)) (i32.const 48)))
                    (br_if $digits (i32.gt_u (local.get $c) (i32.const 9)))
                    (local.set $v (i32.add (i32.mul (local.get $v) (i32.const 10)) (local.get $c)))
                    (br_if $stop (i32.gt_u (local.get $v) (local.get $maxLine)))
                    (local.set $j (i32.add (local.get $j) (i32.const 1)))
                    (br $digit)))
                (br_if $stop (i32.eqz (local.get $v)))
                (br_if $stop (i32.ne (local.get $c) (i32.const -4)))
                ;; the last field is the one after the last comma (3 at least)
                (local.set $commas (i32.const 1))
                (local.set $last (local.get $j))
                (block $eol
                  (loop $field
                    (local.set $j (i32.add (local.get $j) (i32.const 1)))
                    (local.set $c (i32.load8_u (local.get $j)))
                    (br_if $eol (i32.eq (local.get $c) (i32.const 10)))
                    (if (i32.eq (local.get $c) (i32.const 44))
                      (then
                        (local.set $commas (i32.add (local.get $commas) (i32.const 1)))
                        (local.set $last (local.get $j))))
                    (br $field)))
                (local.set $lineEnd (local.get $j))
                (if (i32.eq (i32.load8_u (i32.sub (local.get $j) (i32.const 1))) (i32.const 13))
                  (then (local.set $lineEnd (i32.sub (local.get $j) (i32.const 1)))))
                (br_if $stop (i32.lt_u (local.get $commas) (i32.const 3)))
                (local.set $hit (i32.const 0))
                (if (i32.eqz (i32.and
                      (i32.eq (local.get $lineEnd) (i32.add (local.get $last) (i32.const 2)))
                      (i32.eq (i32.load8_u offset=1 (local.get $last)) (i32.const 45))))
                  (then
                    (br_if $stop (i32.eq (local.get $lineEnd) (i32.add (local.get $last) (i32.const 1))))
                    (local.set $at (i32.add (local.get $last) (i32.const 1)))
                    (block $digits
                      (loop $digit
                        (br_if $digits (i32.ge_u (local.get $at) (local.get $lineEnd)))
                        (local.set $c (i32.sub (i32.load8_u (local.get $at)) (i32.const 48)))
                        (br_if $stop (i32.gt_u (local.get $c) (i32.const 9)))
                        (local.set $hit (i32.or (local.get $hit) (local.get $c)))
                        (local.set $at (i32.add (local.get $at) (i32.const 1)))
                        (br $digit)))))
                ;; the arms of a branch come one after another: one entry counts them all
                ;; ($lastBranch is -1 when the entry before is not one: no load from there)
                (if (if (result i32) (i32.ge_s (local.get $lastBranch) (i32.const 0))
                      (then (i32.eq (i32.load offset=4 (local.get $lastBranch)) (local.get $v)))
                      (else (i32.const 0)))
                  (then
                    (i32.store offset=8 (local.get $lastBranch) (i32.add (i32.load offset=8 (local.get $lastBranch)) (i32.const 1)))
                    (i32.store offset=12 (local.get $lastBranch)
                      (i32.add (i32.load offset=12 (local.get $lastBranch)) (i32.ne (local.get $hit) (i32.const 0)))))
                  (else
                    (i32.store (local.get $tape) (i32.const 1))
                    (i32.store offset=4 (local.get $tape) (local.get $v))
                    (i32.store offset=8 (local.get $tape) (i32.const 1))
                    (i32.store offset=12 (local.get $tape) (i32.ne (local.get $hit) (i32.const 0)))
                    (local.set $lastBranch (local.get $tape))
                    (local.set $tape (i32.add (local.get $tape) (i32.const 20)))))
                (local.set $j (i32.add (local.get $j) (i32.const 1))))

            ;; ---- FN:<line>,[<end line>,]<name> and FNDA:<hits>,<name>
            (else
              (br_if $other (i32.ne (local.get $c) (i32.const 70)))
              (br_if $other (i32.ne (i32.load8_u offset=1 (local.get $i)) (i32.const 78)))
              (local.set $c (i32.load8_u offset=2 (local.get $i)))
              (if (i32.eq (local.get $c) (i32.const 68))
                (then
                  (br_if $other (i32.ne (i32.load8_u offset=3 (local.get $i)) (i32.const 65)))
                  (br_if $other (i32.ne (i32.load8_u offset=4 (local.get $i)) (i32.const 58)))
                  (local.set $fnda (i32.const 1))
                  (local.set $j (i32.add (local.get $i) (i32.const 5))))
                (else
                  (br_if $other (i32.ne (local.get $c) (i32.const 58)))
                  (local.set $fnda (i32.const 0))
                  (local.set $j (i32.add (local.get $i) (i32.const 3)))))
              ;; FN: a line, 1 or more; FNDA: hits, any number of digits
              (local.set $v (i32.const 0))
              (local.set $hit (i32.const 0))
              (local.set $seen (i32.const 0))
              (block $digits
                (loop $digit
                  (local.set $c (i32.sub (i32.load8_u (local.get $j)) (i32.const 48)))
                  (br_if $digits (i32.gt_u (local.get $c) (i32.const 9)))
                  (local.set $seen (i32.const 1))
                  (local.set $hit (i32.or (local.get $hit) (local.get $c)))
                  (if (i32.eqz (local.get $fnda))
                    (then
                      (local.set $v (i32.add (i32.mul (local.get $v) (i32.const 10)) (local.get $c)))
                      (br_if $stop (i32.gt_u (local.get $v) (local.get $maxLine)))))
                  (local.set $j (i32.add (local.get $j) (i32.const 1)))
                  (br $digit)))
              (br_if $stop (i32.eqz (local.get $seen)))
              (br_if $stop (i32.ne (local.get $c) (i32.const -4)))
              (local.set $name (i32.add (local.get $j) (i32.const 1)))
              (if (i32.eqz (local.get $fnda))
                (then
                  (br_if $stop (i32.eqz (local.get $v)))
                  ;; lcov 2 writes FN:<line>,<end line>,<name>: digits and then a comma are an end line
                  (local.set $j (local.get $name))
                  (block $digits
                    (loop $digit
                      (local.set $c (i32.sub (i32.load8_u (local.get $j)) (i32.const 48)))
                      (br_if $digits (i32.gt_u (local.get $c) (i32.const 9)))
                      (local.set $j (i32.add (local.get $j) (i32.const 1)))
                      (br $digit)))
                  (if (i32.and (i32.eq (local.get $c) (i32.const -4)) (i32.gt_u (local.get $j) (local.get $name)))
                    (then (local.set $name (i32.add (local.get $j) (i32.const 1)))))))
              ;; the name, to the end of the line but for a \r, and its hash
              (local.set $j (local.get $name))
              (local.set $hash (i32.const 0))
              (local.set $before (i32.const 0))
              (block $eol
                (loop $byte
                  (local.set $c (i32.load8_u (local.get $j)))
                  (br_if $eol (i32.eq (local.get $c) (i32.const 10)))
                  (local.set $before (local.get $hash))
                  (local.set $hash (i32.and (i32.add (i32.mul (local.get $hash) (i32.const 31)) (local.get $c)) (i32.const 0x3fffffff)))
                  (local.set $j (i32.add (local.get $j) (i32.const 1)))
                  (br $byte)))
              (local.set $lineEnd (local.get $j))
              (if (i32.and (i32.gt_u (local.get $j) (local.get $name)) (i32.eq (i32.load8_u (i32.sub (local.get $j) (i32.const 1))) (i32.const 13)))
                (then
                  (local.set $lineEnd (i32.sub (local.get $j) (i32.const 1)))
                  (local.set $hash (local.get $before))))
              (local.set $lastBranch (i32.const -1))
              (i32.store (local.get $tape) (i32.add (i32.const 2) (local.get $fnda)))
              (i32.store offset=4 (local.get $tape) (select (i32.ne (local.get $hit) (i32.const 0)) (local.get $v) (local.get $fnda)))
              (i32.store offset=8 (local.get $tape) (local.get $name))
              (i32.store offset=12 (local.get $tape) (local.get $lineEnd))
              (i32.store offset=16 (local.get $tape) (local.get $hash))
              (local.set $tape (i32.add (local.get $tape) (i32.const 20)))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))))))
            (br $read))
          ;; any other line: blank, or a record the parser skips; anything else stops the loop
          (local.set $j (call $skipped (local.get $i)))
          (br_if $stop (i32.eqz (local.get $j))))

        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (local.set $i (local.get $j))
        (br $line)))
    (global.set $lines (local.get $n))
    (global.set $used (local.get $used))
    (global.set $tapeEnd (local.get $tape))
    (local.get $i))

  ;; A line that means nothing to the parser: blank (only spaces, \t, \v, \f and \r, which the text
  ;; reader trims away), or a record whose key (before the first colon) is not one the parser reads:
  ;; SF, DA, FN, FNL, FNA, BRDA or FNDA (TN, VER, LF, LH, BRF, BRH, FNF, FNH, future ones). Returns
  ;; the next line's start, or 0 for any other line (the input never starts at 0).
  (func $skipped (param $i i32) (result i32)
    (local $j i32) (local $c i32) (local $blank i32)
    (local.set $j (local.get $i))
    (local.set $blank (i32.const 1))
    (block $key
      (loop $byte
        (local.set $c (i32.load8_u (local.get $j)))
        (br_if $key (i32.eq (local.get $c) (i32.const 58)))
        (if (i32.eq (local.get $c) (i32.const 10))
          (then (return (select (i32.add (local.get $j) (i32.const 1)) (i32.const 0) (local.get $blank)))))
        ;; not a space and not one of \t (9) … \r (13)
        (if (i32.and (i32.ne (local.get $c) (i32.const 32)) (i32.gt_u (i32.sub (local.get $c) (i32.const 9)) (i32.const 4)))
          (then (local.set $blank (i32.const 0))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $byte)))
    (if (call $kept (local.get $i) (i32.sub (local.get $j) (local.get $i)))
      (then (return (i32.const 0))))
    (block $eol
      (loop $rest
        (br_if $eol (i32.eq (i32.load8_u (local.get $j)) (i32.const 10)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rest)))
    (i32.add (local.get $j) (i32.const 1)))

  ;; Is the $length bytes from $at the key of a record the parser reads? (keptKey in scan.ts)
  (func $kept (param $at i32) (param $length i32) (result i32)
    (local $two i32)
    (local.set $two (i32.load16_u (local.get $at)))
    (if (i32.eq (local.get $length) (i32.const 2))
      (then (return (i32.or (i32.or
        (i32.eq (local.get $two) (i32.const 0x4653))       ;; SF
        (i32.eq (local.get $two) (i32.const 0x4144)))      ;; DA
        (i32.eq (local.get $two) (i32.const 0x4e46))))))   ;; FN
    (if (i32.eq (local.get $length) (i32.const 3))
      (then (return (i32.and
        (i32.eq (local.get $two) (i32.const 0x4e46))
        (i32.or
          (i32.eq (i32.load8_u offset=2 (local.get $at)) (i32.const 76))        ;; FNL
          (i32.eq (i32.load8_u offset=2 (local.get $at)) (i32.const 65)))))))   ;; FNA
    (if (i32.eq (local.get $length) (i32.const 4))
      (then (return (i32.or
        (i32.eq (i32.load (local.get $at)) (i32.const 0x41445242))              ;; BRDA
        (i32.eq (i32.load (local.get $at)) (i32.const 0x41444e46))))))          ;; FNDA
    (i32.const 0))
)
