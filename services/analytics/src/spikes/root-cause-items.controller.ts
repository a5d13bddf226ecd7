import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@complaints/platform';
import { CloseRootCauseItemDto, RootCauseItemQueryDto } from './dto/root-cause-item.dto';
import { RootCauseItem, RootCauseItemsService } from './root-cause-items.service';

@ApiTags('root causes')
@Controller('v1/root-cause-items')
export class RootCauseItemsController {
  constructor(private readonly items: RootCauseItemsService) {}

  @Get()
  @Roles('complaints_officer', 'analyst', 'auditor')
  @ApiOperation({
    summary: 'Root-cause items the spike rule opened, newest first, with their complaints',
  })
  @ApiOkResponse({ description: 'Items' })
  list(@Query() query: RootCauseItemQueryDto): Promise<RootCauseItem[]> {
    return this.items.list(query.status);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('complaints_officer')
  @ApiOperation({
    summary: 'Close an item with the cause found (a code of the current taxonomy)',
    description:
      '404 ROOT_CAUSE_ITEM.NOT_FOUND, 409 ROOT_CAUSE_ITEM.CLOSED, 422 ROOT_CAUSE.UNKNOWN_CODE',
  })
  @ApiOkResponse({ description: 'The closed item' })
  close(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CloseRootCauseItemDto,
  ): Promise<RootCauseItem> {
    return this.items.close(id, body.rootCauseCode);
  }
}
