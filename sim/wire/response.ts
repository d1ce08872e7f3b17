/**
 * Response documents in the shape real servers send (protocol.md §2, §5); sim/xml/write builds them with the
 * client encoder's XMLBuilder-based writer.
 */
export { dataResponse, errorResponse, requestCommand, responseDocument, successResponse, type EnvelopeHeader } from '../xml/write';

export const ISO_DECLARATION = '<?xml version="1.0" encoding="ISO-8859-1"?>';
/** Documents the XSP builds itself carry this declaration plus a newline (protocol.md §1.2). */
export const UTF8_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
