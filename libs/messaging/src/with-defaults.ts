/** `defaults` overridden by every option that is given; an option given as undefined keeps its default. */
export function withDefaults<D extends object, O extends object>(defaults: D, options: O): O & D {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...defaults, ...given } as O & D;
}
