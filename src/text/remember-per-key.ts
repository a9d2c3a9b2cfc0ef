// A memo for pure functions of an object (a statement, a question part, a loaded index): computed once per object,
// forgotten with it.

/** `compute` remembered per first argument; the other arguments must be fixed for that key (its index, its language). */
export function rememberPerKey<Key extends object, Rest extends unknown[], Value>(compute: (key: Key, ...rest: Rest) => Value): (key: Key, ...rest: Rest) => Value {
  const remembered = new WeakMap<Key, Value>();
  return (key, ...rest) => {
    if (remembered.has(key)) return remembered.get(key) as Value;
    const value = compute(key, ...rest);
    remembered.set(key, value);
    return value;
  };
}
