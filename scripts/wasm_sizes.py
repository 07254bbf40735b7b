#!/usr/bin/env python3
"""Code size of the app's wasm by crate, from the function names rustc leaves in the
un-optimised release output (target/wasm32-unknown-unknown/release/symbiose-app.wasm, made by
`trunk build --release` before wasm-bindgen and wasm-opt). Where the first visit's bytes go:
see docs/PERFORMANCE.md. Trait impls (`<T as Trait>::f`) are counted under the trait's crate
when it can be read, else under "impl"."""
import collections
import re
import sys

PATH = sys.argv[1] if len(sys.argv) > 1 else 'target/wasm32-unknown-unknown/release/symbiose-app.wasm'


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sections(b):
    out, i = {}, 8
    while i < len(b):
        sid = b[i]
        sz, i = leb(b, i + 1)
        start = i
        if sid == 0:
            n, j = leb(b, i)
            out[b[j:j + n].decode()] = (j + n, start + sz)
        else:
            out[sid] = (start, start + sz)
        i = start + sz
    return out


def imported_functions(b, s):
    cnt, i = leb(b, s)
    funcs = 0
    for _ in range(cnt):
        for _ in range(2):
            n, i = leb(b, i)
            i += n
        kind = b[i]
        i += 1
        if kind == 0:
            _, i = leb(b, i)
            funcs += 1
        elif kind == 1:
            i += 1
            flags, i = leb(b, i)
            _, i = leb(b, i)
            if flags & 1:
                _, i = leb(b, i)
        elif kind == 2:
            flags, i = leb(b, i)
            _, i = leb(b, i)
            if flags & 1:
                _, i = leb(b, i)
        elif kind == 3:
            i += 2
    return funcs


def function_names(b, s, e):
    names, i = {}, s
    while i < e:
        sub = b[i]
        sz, i = leb(b, i + 1)
        end = i + sz
        if sub == 1:
            cnt, i = leb(b, i)
            for _ in range(cnt):
                idx, i = leb(b, i)
                n, i = leb(b, i)
                names[idx] = b[i:i + n].decode('utf8', 'replace')
                i += n
        i = end
    return names


def crate_of(name):
    m = re.match(r'_ZN(\d+)([\w$.]+)', name)
    if m:
        first = m.group(2)[:int(m.group(1))]
        if not first.startswith('_'):
            return first
        # `_$LT$Type$u20$as$u20$crate..Trait$GT$`: the type's crate, else the trait's.
        inner = re.findall(r'([a-z_][a-z0-9_]*)\.\.', first)
        return inner[0] if inner else 'impl'
    return 'other'


b = open(PATH, 'rb').read()
sec = sections(b)
if 'name' not in sec:
    sys.exit('no name section: build with `trunk build --release` (wasm-opt strips the copy in dist/)')
names = function_names(b, *sec['name'])
base = imported_functions(b, sec[2][0])
s, _ = sec[10]
cnt, i = leb(b, s)
sizes = collections.Counter()
for k in range(cnt):
    sz, i = leb(b, i)
    sizes[crate_of(names.get(base + k, ''))] += sz
    i += sz
total = sum(sizes.values())
data = sec[11][1] - sec[11][0]
print(f'code {total} bytes, data {data} bytes (bundled reference data and strings)')
for crate, n in sizes.most_common(20):
    print(f'{crate:28} {n:9} {100 * n / total:5.1f}%')
