#include "http/pages/layout.hpp"

namespace clinaudit::http::pages {

// Colours follow the NHS palette; every text colour meets WCAG 2.1 AA (4.5:1) on its
// background. Focus is the yellow-and-black GOV.UK focus state, visible on any colour.
std::string_view stylesheet() {
  static constexpr std::string_view kCss = R"CSS(
:root{--blue:#005eb8;--dark-blue:#003087;--text:#212b32;--secondary:#4c6272;--grey-bg:#f0f4f5;--border:#d8dde0;
--red:#d5281b;--green:#007f3b;--warm-yellow:#ffb81c;--focus:#ffeb3b;--white:#fff;--purple:#330072}
*,*::before,*::after{box-sizing:border-box}
html{font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;font-size:100%;line-height:1.5;color:var(--text);background:var(--grey-bg)}
body{margin:0;font-size:1.0625rem}
.wrap{max-width:1100px;margin:0 auto;padding:0 1rem}
a{color:var(--blue)}a:visited{color:var(--purple)}a:hover{color:#7c2855;text-decoration-thickness:3px}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus,[tabindex]:focus{outline:3px solid transparent;background:var(--focus);color:#212b32;box-shadow:0 -2px var(--focus),0 4px #212b32;text-decoration:none}
input:focus,select:focus,textarea:focus{background:var(--white);box-shadow:inset 0 0 0 2px #212b32;outline:4px solid var(--focus);outline-offset:0}
.skip-link{position:absolute;left:-9999px;top:0;padding:.5rem 1rem;background:var(--focus);color:#212b32}
.skip-link:focus{left:0;z-index:10}
.header{background:var(--blue);color:var(--white)}
.header-row{display:flex;flex-wrap:wrap;align-items:center;gap:1rem;padding-top:.75rem;padding-bottom:.75rem}
.brand{color:var(--white);font-weight:700;font-size:1.5rem;text-decoration:none;margin-right:auto}
.brand:visited{color:var(--white)}
.who{margin:0;font-size:.95rem}.muted-inverse{opacity:.95}
.signout{margin:0}
.link-button{background:none;border:0;padding:0;color:var(--white);text-decoration:underline;font:inherit;cursor:pointer}
.nav{background:var(--dark-blue)}
.nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:0 auto;padding-top:.5rem;padding-bottom:.5rem}
.nav a,.nav a:visited{color:var(--white);font-weight:600}
.nav a[aria-current=page]{text-decoration-thickness:4px}
.phase{background:var(--white);border-bottom:1px solid var(--border)}.phase p{margin:0;padding:.5rem 1rem}
.tag{display:inline-block;background:var(--blue);color:var(--white);padding:0 .5rem;margin-right:.5rem;font-size:.9rem;text-transform:uppercase}
main{padding-top:1.5rem;padding-bottom:3rem;display:block}
main:focus{outline:none;background:none;box-shadow:none}
h1{font-size:2.25rem;line-height:1.2;margin:0 0 1rem}h2{font-size:1.6rem;margin:2rem 0 .75rem}h3{font-size:1.25rem;margin:1.5rem 0 .5rem}
.lead{font-size:1.25rem}.muted{color:var(--secondary)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:1rem;margin:1rem 0}
.card{background:var(--white);border:1px solid var(--border);border-bottom:4px solid var(--border);padding:1rem 1.25rem}
.card h2{font-size:1.1rem;margin:0 0 .25rem}.card .big{font-size:2.5rem;font-weight:700;line-height:1.1;margin:.25rem 0}
.card.alarm{border-bottom-color:var(--red)}.card.alert{border-bottom-color:var(--warm-yellow)}.card.good{border-bottom-color:var(--green)}
.panel{background:var(--white);border:1px solid var(--border);padding:1rem 1.25rem;margin:1rem 0}
table{width:100%;border-collapse:collapse;background:var(--white);margin:.5rem 0 1.5rem;font-size:1rem}
caption{text-align:left;font-weight:700;font-size:1.15rem;padding:.5rem 0}
th,td{text-align:left;padding:.5rem .6rem;border-bottom:1px solid var(--border);vertical-align:top}
th{background:#e8edee}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.status{display:inline-block;padding:0 .4rem;border:2px solid currentColor;font-weight:700;font-size:.9rem}
.status-red{color:#a0191c;background:#f7d4d1}.status-amber{color:#5c3d00;background:#fff0c7}.status-green{color:#00401e;background:#cce5d8}.status-grey{color:#2c3e50;background:#dbe1e4}.status-blue{color:#003087;background:#d6e6f5;border-style:dashed}
.form-group{margin-bottom:1.25rem}
label,legend{display:block;font-weight:700;margin-bottom:.25rem}
.hint{color:var(--secondary);margin:0 0 .35rem}
input[type=text],input[type=email],input[type=password],input[type=date],input[type=number],select,textarea{font:inherit;padding:.35rem .5rem;border:2px solid #4c6272;border-radius:0;background:var(--white);color:var(--text);max-width:100%}
input[type=number],input.short-input{width:7rem}textarea{width:100%;min-height:5rem}
input[type=file]{font:inherit;max-width:100%}
.button{display:inline-block;font:inherit;font-weight:700;background:var(--green);color:var(--white);border:0;box-shadow:0 4px 0 #00401e;padding:.6rem 1.1rem;margin:.5rem .5rem 1rem 0;cursor:pointer;text-decoration:none}
.button:visited{color:var(--white)}
.button:hover{background:#00662f}
.button.secondary{background:#4c6272;box-shadow:0 4px 0 #263139}
.button:focus{background:var(--focus);color:#212b32;box-shadow:0 4px 0 #212b32}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;background:var(--white);border:1px solid var(--border);padding:1rem;margin-bottom:1rem}
.filters .form-group{margin:0}
.error-summary{border:4px solid var(--red);background:var(--white);padding:1rem 1.25rem;margin-bottom:1.5rem}
.error-summary h2{margin-top:0;font-size:1.3rem}
.error-summary:focus{outline:3px solid var(--focus);outline-offset:0}
.error-summary-list{margin:0;padding-left:1.25rem}.error-summary-list a{color:var(--red);font-weight:700}
[aria-invalid=true]{border:2px solid var(--red)}
.error-message{color:var(--red);font-weight:700}
fieldset{border:0;margin:0;padding:0;min-width:0}
.form-group-error{border-left:5px solid var(--red);padding-left:.9rem}
.choice{display:flex;align-items:center;gap:.5rem;margin:.35rem 0}.choice label{font-weight:400;margin:0}
.choice input{width:1.4rem;height:1.4rem;margin:0;accent-color:#212b32}
.scale{display:flex;flex-wrap:wrap;gap:0 1.5rem}
.survey-form input[type=text]{width:10rem}
.banner-success{border:4px solid var(--green);background:var(--white);padding:.5rem 1.25rem;margin-bottom:1.5rem;font-weight:700}
.summary-list{display:grid;grid-template-columns:minmax(10rem,16rem) 1fr;gap:0;background:var(--white);border:1px solid var(--border);margin:0 0 1.5rem}
.summary-list dt,.summary-list dd{margin:0;padding:.5rem .75rem;border-bottom:1px solid var(--border)}.summary-list dt{font-weight:700}
.demo-accounts{border-left:6px solid var(--blue);background:var(--white);padding:.5rem 1rem;margin-top:2rem}
.chart{background:var(--white);border:1px solid var(--border);padding:.5rem;margin:.5rem 0 1rem;overflow-x:auto}
.chart svg{width:100%;max-width:900px;height:auto;display:block}
.chart .axis,.chart .tick{stroke:#333;stroke-width:1}.chart .grid{stroke:#e5e5e5;stroke-width:1}
.chart .label{font:12px sans-serif;fill:#333}.chart .axis-label{font:13px sans-serif;fill:#111}
.chart .chart-title{font:bold 15px sans-serif;fill:#111}
.chart .target{stroke:#111;stroke-width:1.5;stroke-dasharray:6 4}
.chart .limit-95{fill:none;stroke:#1f77b4;stroke-width:1.5}
.chart .limit-998{fill:none;stroke:#9467bd;stroke-width:1.5;stroke-dasharray:2 2}
.chart .point{fill:#7f7f7f;fill-opacity:.75;stroke:#fff;stroke-width:.5}
.chart .point:hover{stroke:#212b32;stroke-width:2}
.chart .point.flag-alert_high,.chart .point.flag-alert_low{fill:#ff7f0e;fill-opacity:1}
.chart .point.flag-alarm_high,.chart .point.flag-alarm_low{fill:#d62728;fill-opacity:1;stroke:#111;stroke-width:1}
.chart .legend{font:12px sans-serif;fill:#333}
.cusum .upper{fill:none;stroke:#005eb8;stroke-width:1.5}.cusum .lower{fill:none;stroke:#009639;stroke-width:1.5}
.cusum .limit{stroke:#d5281b;stroke-width:1.5;stroke-dasharray:6 4}.cusum .zero{stroke:#231f20;stroke-width:1}
.cusum .signal{fill:#d5281b;stroke:#fff;stroke-width:1}.cusum .chart-title{font:bold 15px sans-serif;fill:#231f20}
.cusum .legend{font:12px sans-serif;fill:#425563}
.spc text{font-family:Arial,Helvetica,sans-serif;fill:#231f20}.spc .title{font-size:16px;font-weight:bold}
.spc .tick-label{font-size:11px}.spc .series{fill:none;stroke:#7B7D7D;stroke-width:1.5}
.spc .centre{stroke:#231f20;stroke-width:1.5}.spc .limit{stroke:#7B7D7D;stroke-width:1.5;stroke-dasharray:6 3}
.spc .near{stroke:#aeb7bd;stroke-width:1;stroke-dasharray:2 3}.spc .target{stroke:#de1b1b;stroke-width:1.5;stroke-dasharray:8 4}
.spc .pt{stroke:#fff;stroke-width:1}.spc .pt-common{fill:#7B7D7D}.spc .pt-improvement{fill:#289de0}
.spc .pt-concern{fill:#fab428}.spc .pt-neutral{fill:#361475}.spc .pt-signal{fill:#fab428}
.spc .pt-excluded{fill:#fff;stroke:#7B7D7D}.spc .badge-text{font-size:12px;font-weight:bold;fill:#fff}
.spc .badge-text.on-light{fill:#212b32}.spc circle.key,.spc path.key{stroke:#fff;stroke-width:1}
.chart svg:focus{outline:3px solid var(--focus);outline-offset:2px}
.chart .own{fill:none;stroke:#212b32;stroke-width:2}.chart .own-label{font:bold 12px sans-serif;fill:#212b32}
.chart-values{margin:.5rem 0}.chart-values summary{cursor:pointer;color:var(--blue);text-decoration:underline}
.chart-values table{font-size:.9rem}
.survey-results svg{width:100%;max-width:760px;height:auto;display:block;background:var(--white)}
.survey-results svg .bar{fill:#005eb8}.survey-results svg .whisker{stroke:#212b32;stroke-width:1.5}
.survey-results svg .axis{stroke:#aeb7bd}.survey-results svg text{font-family:Arial,sans-serif;fill:#212b32}
.survey-results svg .label,.survey-results svg .value{font-size:13px}
.survey-results svg .title{font-size:15px;font-weight:bold}.survey-results svg .tick{font-size:11px;fill:#4c6272}
.survey-results .headline{font-size:1.25rem}.survey-results .question{margin-bottom:2rem}
.quality-account li{margin-bottom:.25rem}
.inline-list{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:0;margin:0 0 1rem}
.inline-list a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
.inline-form{display:inline}.small-button{font:inherit;font-size:.85rem;background:var(--white);color:var(--blue);border:2px solid var(--blue);padding:.1rem .4rem;margin:.15rem .25rem .15rem 0;cursor:pointer}
.history{padding-left:1.25rem;margin:0 0 1.5rem}.history li{border-left:4px solid var(--border);padding:.25rem .75rem;margin-bottom:.75rem}.history p{margin:.25rem 0}
.footer{border-top:4px solid var(--blue);background:var(--white);padding:1rem 0;color:var(--secondary)}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;border:0!important;white-space:nowrap!important}
/* On a phone a wide table scrolls inside its own box instead of the page scrolling sideways;
   it is the containing block of its visually hidden labels, so they scroll and clip with it. */
@media (max-width:640px){h1{font-size:1.75rem}.summary-list{grid-template-columns:1fr}
table{font-size:.9rem;display:block;overflow-x:auto;max-width:100%;position:relative}caption{display:block}}
@media print{.header,.nav,.footer,.skip-link,.button,.filters,form.signout,.phase{display:none!important}
body,html{background:#fff}a{color:#000}.card,.panel,.chart,figure,tr,li{break-inside:avoid}h1,h2,h3{break-after:avoid}
thead{display:table-header-group}p{orphans:3;widows:3}main{padding:0}}
)CSS";
  return kCss;
}

}  // namespace clinaudit::http::pages
