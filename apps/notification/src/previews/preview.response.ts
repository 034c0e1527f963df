import { ApiProperty } from '@nestjs/swagger';
import type { Assert, Mirrors } from '@paritrana/contracts';
import type { BoardPreview, EmailPreview } from './preview-board.use-case';

export class CertificatePreviewResponse {
  @ApiProperty({ example: 'piagam-kabupaten-bungo.pdf' })
  filename!: string;

  @ApiProperty({ example: 'application/pdf' })
  contentType!: string;

  @ApiProperty({ description: 'The PDF attached to the email, base64-encoded' })
  base64!: string;
}

export class EmailPreviewResponse implements EmailPreview {
  @ApiProperty({ format: 'uuid' })
  nominationId!: string;

  @ApiProperty({ example: 'setda@bungokab.go.id' })
  recipient!: string;

  @ApiProperty({
    required: false,
    example: 'kanwil.sumbagsel@bpjsketenagakerjaan.go.id',
    description: 'Copied (cc) when the nomination names one',
  })
  copyTo?: string;

  @ApiProperty({ example: 'Selamat! Terbaik I Pemerintah Kabupaten/Kota — Paritrana Award 2024 (Paritrana Award)' })
  subject!: string;

  @ApiProperty({ description: 'The plain-text part' })
  text!: string;

  @ApiProperty({ description: 'The HTML part' })
  html!: string;

  @ApiProperty({ type: CertificatePreviewResponse })
  certificate!: CertificatePreviewResponse;
}

export class BoardPreviewResponse implements BoardPreview {
  @ApiProperty({ example: '2024:provincial:15:regency' })
  boardId!: string;

  @ApiProperty({ type: [EmailPreviewResponse], description: 'In the order of the winners given' })
  previews!: EmailPreviewResponse[];

  @ApiProperty({
    type: [String],
    example: [],
    description: 'Winners whose contact has not reached notification yet, or who are not nominations of this board: nothing rendered',
  })
  missing!: string[];
}

/** Fails to compile when the preview drifts from the documented response. */
export type PreviewResponsesMirrorTheCode = [
  Assert<Mirrors<BoardPreviewResponse, BoardPreview>>,
  Assert<Mirrors<EmailPreviewResponse, EmailPreview>>,
  Assert<Mirrors<CertificatePreviewResponse, EmailPreview['certificate']>>,
];
