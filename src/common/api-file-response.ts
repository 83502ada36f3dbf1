import { ApiOkResponse } from '@nestjs/swagger';

/** A 200 whose body is a file (a PDF, an attachment) rather than JSON; the route's errors stay JSON. */
export const ApiFileResponse = (mediaType: string, description: string) =>
  ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } });
