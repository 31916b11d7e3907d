/// The style sheet both self-contained pages share — the comparison and the sweep — so that
/// they look alike and a change of colour or of the phone layout is made once.
enum PageStyle {
    /// Type, colours, tables that read as cards on a phone, charts that scale down; each page
    /// appends the rules of its own elements.
    static let shared = """
        body{margin:0;background:#fff;color:#1f2328;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        header,main,footer{max-width:1120px;margin:0 auto;padding:0 24px}
        h1{font-size:1.9rem;margin:1.5rem 0 .25rem}
        h2{font-size:1.45rem;margin:2.5rem 0 .5rem;padding-top:1rem;border-top:3px solid #1f2328}
        h3{font-size:1.1rem;margin:1.75rem 0 .5rem}
        h4{font-size:1rem;margin:0 0 .25rem}
        .context,.note,figcaption{color:#57606a;font-size:.9rem}
        code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap;background:#eef1f4;padding:1px 4px;border-radius:4px}
        .table-wrap{overflow-x:auto}
        .charts{display:flex;flex-wrap:wrap;gap:.5rem 2.5rem}
        .charts figure{margin:0;flex:0 1 440px}
        table{border-collapse:collapse;font-size:13px;font-variant-numeric:tabular-nums}
        th,td{padding:6px 8px;border-bottom:1px solid #d0d7de;text-align:left;vertical-align:top}
        thead th{background:#eef1f4;border-bottom:2px solid #6e7781;font-weight:600;vertical-align:bottom}
        tbody th{font-weight:600;min-width:10rem}
        tbody tr:nth-child(even){background:#f6f8fa}
        .num{text-align:right;white-space:nowrap}
        .none{color:#57606a}
        figure{margin:0 0 1rem}
        svg.chart{display:block;max-width:100%;height:auto}
        footer{margin-top:3rem;color:#57606a;font-size:.85rem}
        @media (max-width:640px){
        header,main,footer{padding:0 14px}
        .cards,.cards tbody,.cards tr,.cards td,.cards tbody th{display:block}
        .cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        .cards tr{border:1px solid #d0d7de;border-radius:6px;margin:0 0 .6rem;padding:.3rem .6rem}
        .cards tbody th{border:0;padding:.1rem 0 .3rem;min-width:0}
        .cards td{display:flex;align-items:baseline;gap:.5rem;border:0;padding:1px 0;text-align:right}
        .cards td::before{content:attr(data-label);margin-right:auto;color:#57606a;text-align:left;white-space:nowrap}
        }
        @media print{body{font-size:10pt}figure,tr{break-inside:avoid}.table-wrap{overflow:visible}}

        """
}
