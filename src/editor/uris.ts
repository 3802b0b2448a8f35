/**
 * Documents are named by URI in the protocol and by path in chitieu: a `file:` document is read
 * and cited by its path, so its imports resolve on disk; any other (an unsaved buffer) by its URI.
 */
import { fileURLToPath, pathToFileURL } from "node:url";

export function fileOfUri(uri: string): string {
  if (!uri.startsWith("file:")) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

export const uriOfFile = (file: string): string => (/^[a-z][a-z0-9+.-]+:/i.test(file) ? file : pathToFileURL(file).href);

/** Whether the document is a file on disk, whose imports can be read. */
export const onDisk = (file: string): boolean => !/^[a-z][a-z0-9+.-]+:/i.test(file);
