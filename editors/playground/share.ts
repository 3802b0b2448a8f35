/**
 * The page's state in its address: the policy, its imports and the data, as JSON compressed with
 * deflate-raw and written base64url after `#s=`. The fragment never leaves the browser, so a shared
 * link sends nothing to any server; it only carries the state to whoever opens it.
 */
export interface State {
  readonly main: string;
  readonly policy: string;
  readonly files: Readonly<Record<string, string>>;
  readonly units: { readonly name: string; readonly text: string };
  readonly data: { readonly name: string; readonly text: string };
  readonly asOf: string;
}

const PREFIX = "#s=";

async function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

function base64url(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function fragmentOf(state: State): Promise<string> {
  return PREFIX + base64url(await through(new TextEncoder().encode(JSON.stringify(state)), new CompressionStream("deflate-raw")));
}

const isText = (v: unknown): v is string => typeof v === "string";
const isFile = (v: unknown): v is State["units"] => typeof v === "object" && v !== null && isText((v as State["units"]).name) && isText((v as State["units"]).text);

/** The state a fragment holds; undefined for no state, or one that is damaged or not the page's. */
export async function stateOf(fragment: string): Promise<State | undefined> {
  if (!fragment.startsWith(PREFIX)) return undefined;
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(await through(fromBase64url(fragment.slice(PREFIX.length)), new DecompressionStream("deflate-raw"))));
    if (typeof json !== "object" || json === null) return undefined;
    const s = json as Record<string, unknown>;
    const files = s["files"];
    const filesOk = typeof files === "object" && files !== null && Object.values(files).every(isText);
    if (!isText(s["main"]) || !isText(s["policy"]) || !filesOk || !isFile(s["units"]) || !isFile(s["data"]) || !isText(s["asOf"])) return undefined;
    // A fragment is anyone's text: its file names become plain keys, never an object's own properties.
    return { ...(s as unknown as State), files: Object.assign(Object.create(null) as Record<string, string>, files) };
  } catch {
    return undefined;
  }
}
