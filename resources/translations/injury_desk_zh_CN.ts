<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccidentPage</name>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="258"/>
        <source>Accident</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="259"/>
        <source>When and where it happened, what happened, and the injury.</source>
        <translation>事故发生的时间、地点、经过和伤情。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="275"/>
        <source>The worker &amp;died of the injury</source>
        <translation>职工因伤死亡(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="281"/>
        <source>Accident &amp;date:</source>
        <translation>事故日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="282"/>
        <source>Accident &amp;time:</source>
        <translation>事故时间(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="283"/>
        <source>&amp;Place:</source>
        <translation>事故地点(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="284"/>
        <source>&amp;Circumstances:</source>
        <translation>事故经过(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="285"/>
        <source>Injured &amp;body parts:</source>
        <translation>受伤部位(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="286"/>
        <source>Dia&amp;gnosis:</source>
        <translation>诊断(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="288"/>
        <source>Date of d&amp;eath:</source>
        <translation>死亡日期(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="133"/>
        <source>Add corrective action</source>
        <translation>添加整改措施</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="135"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="135"/>
        <source>%1 at %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="136"/>
        <source>&amp;Action</source>
        <translation>整改措施(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="137"/>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="138"/>
        <source>who at the employer does it</source>
        <translation>用人单位中负责整改的人员</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="140"/>
        <source>&amp;Due date</source>
        <translation>整改期限(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ActionsPage</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="499"/>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="500"/>
        <source>Give each hazard an action, the person at the employer who does it, and the due date. More actions can be added later on the Inspections page.</source>
        <translation>为每项隐患指定整改措施、用人单位的负责人和整改期限。之后可在“检查”页添加更多措施。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="527"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="527"/>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="570"/>
        <source>Action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="527"/>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="570"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="527"/>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="570"/>
        <source>Due date</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="532"/>
        <source>%1: %2 at %3</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="540"/>
        <source>what is to be done</source>
        <translation>需要做什么</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="541"/>
        <source>who at the employer</source>
        <translation>用人单位的负责人</translation>
    </message>
</context>
<context>
    <name>AddDocumentDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="111"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="113"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="120"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="108"/>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="124"/>
        <source>Add a document</source>
        <translation>添加材料</translation>
    </message>
</context>
<context>
    <name>AdvanceDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="563"/>
        <source>Record the fund&apos;s advance payment</source>
        <translation>登记基金先行支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="564"/>
        <source>Record a repayment by the employer</source>
        <translation>登记用人单位偿还</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="570"/>
        <source>The payment order, or the employer&apos;s transfer</source>
        <translation>支付凭证，或用人单位的转账凭证</translation>
    </message>
</context>
<context>
    <name>AdvancesTab</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="590"/>
        <source>Advance by the fund</source>
        <translation>基金先行支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="590"/>
        <source>Repaid by the employer</source>
        <translation>用人单位偿还</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="592"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="593"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="595"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="596"/>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="597"/>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="598"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="606"/>
        <source>Record the fund&apos;s &amp;advance…</source>
        <translation>登记基金先行支付(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="608"/>
        <source>Record a &amp;repayment…</source>
        <translation>登记用人单位偿还(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="640"/>
        <source>%1 was insured on the accident day: the fund pays the benefits.</source>
        <translation>%1在事故发生之日已参保：工伤保险待遇由基金支付。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="644"/>
        <source>%1 was not insured on the accident day: it pays every item at the Regulation&apos;s standards (Art. 62). Where it does not pay, the fund advances the payment and recovers it from the employer (Social Insurance Law Art. 41).</source>
        <translation>%1在事故发生之日未参保：由该单位按照本条例规定的工伤保险待遇项目和标准支付费用（第六十二条）。用人单位不支付的，从工伤保险基金中先行支付，并由用人单位偿还（《社会保险法》第四十一条）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="648"/>
        <source>Advanced: %1 yuan; repaid: %2 yuan; to recover from the employer: %3 yuan</source>
        <translation>先行支付：%1元；已偿还：%2元；尚待向用人单位追偿：%3元</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../injury_desk/ui/app.py" line="93"/>
        <source>Creating the demo data set…</source>
        <translation>正在创建演示数据…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/app.py" line="129"/>
        <source>Opening the database</source>
        <translation>正在打开数据库</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/app.py" line="145"/>
        <source>Encrypting the database %1: the first start of this version encrypts it. The unencrypted database stays as it is until the encrypted copy is complete and checked.
%2 of %3 MiB</source>
        <translation>正在加密数据库 %1：此版本首次启动时会加密数据库。在加密副本完成并通过检查之前，未加密的数据库保持原样。
已完成 %2 MiB，共 %3 MiB</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/app.py" line="150"/>
        <source>Checking the encrypted copy of %1…</source>
        <translation>正在检查 %1 的加密副本…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/app.py" line="152"/>
        <source>Copying the encrypted %1 to the backups folder…</source>
        <translation>正在将加密后的 %1 复制到备份文件夹…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/app.py" line="307"/>
        <location filename="../../injury_desk/ui/main_window.py" line="415"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/app.py" line="316"/>
        <source>Demo users: caseworker / demo-caseworker, supervisor / demo-supervisor, admin / demo-admin</source>
        <translation>演示用户：caseworker / demo-caseworker，supervisor / demo-supervisor，admin / demo-admin</translation>
    </message>
</context>
<context>
    <name>ApplicationPage</name>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="331"/>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="332"/>
        <source>Who applies for the injury determination, and when the application arrived.</source>
        <translation>工伤认定申请人及收到申请的日期。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="343"/>
        <source>&amp;Applicant:</source>
        <translation>申请人(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="344"/>
        <source>&amp;Received on:</source>
        <translation>收到日期(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="373"/>
        <source>Note: the application arrived %1 days after the Art. 17 deadline (%2). It is received, and the lateness is recorded.</source>
        <translation>注意：申请在第十七条规定的时限（%2）后 %1 天才收到。申请照常接收，逾期情况将予记录。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="376"/>
        <source>The Art. 17 deadline for this applicant is %1.</source>
        <translation>该申请人依第十七条规定的申请时限为 %1。</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="43"/>
        <source>Benefit assessment</source>
        <translation>工伤保险待遇核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="65"/>
        <source>&amp;Wages and parameters</source>
        <translation>工资与参数(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="66"/>
        <source>&amp;Line items</source>
        <translation>待遇明细(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="67"/>
        <source>&amp;Payments</source>
        <translation>支付(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="87"/>
        <source>Calc&amp;ulate</source>
        <translation>计算(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="88"/>
        <source>P&amp;ropose</source>
        <translation>提交审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="89"/>
        <source>&amp;Approve</source>
        <translation>审核通过(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="90"/>
        <source>Re&amp;turn…</source>
        <translation>退回(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="91"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="92"/>
        <source>Calculate with the figures above; nothing is saved</source>
        <translation>按上方数据试算，不保存</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="93"/>
        <source>Save the wages and propose this calculation for approval</source>
        <translation>保存工资数据，并将此计算结果提交审核</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="94"/>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="219"/>
        <source>A supervisor other than the proposer approves the figures as proposed</source>
        <translation>由提交人以外的审核人按所提交的数额审核通过</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="95"/>
        <source>Send the proposal back to the caseworker with a reason</source>
        <translation>注明理由，将核定结果退回经办人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="166"/>
        <source>The worker died on %1, after this assessment was approved: calculate and propose the death&apos;s assessment (Art. 39). Once approved it supersedes this one from that day; the monthly benefits stop with the month of death, later unpaid payments are cancelled and paid ones are shown as overpayments to recover.</source>
        <translation>职工于%1死亡，晚于本核定的审批：请计算并提交因工死亡待遇核定（第三十九条）。审批后自死亡之日起取代本核定；按月待遇发至死亡当月，其后未支付的款项予以取消，已支付的列为应追回的多付款项。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="173"/>
        <source>A new appraisal conclusion was recorded after this assessment was approved: calculate and propose the new assessment. Once approved it supersedes this one from %1, and the arrears or overpayment are settled.</source>
        <translation>本核定审批后又作出了新的鉴定结论：请计算并提出新的待遇核定。新核定审批后自%1起取代本核定，并结算应补发或多发的待遇。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="304"/>
        <source>Line items</source>
        <translation>待遇明细</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="319"/>
        <source>Wage base (average monthly wage)</source>
        <translation>本人工资（月平均工资）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="320"/>
        <source>One-time disability subsidy</source>
        <translation>一次性伤残补助金</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="321"/>
        <source>Monthly disability allowance</source>
        <translation>伤残津贴</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="323"/>
        <source>Nursing care allowance</source>
        <translation>生活护理费</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="324"/>
        <source>One-time medical subsidy</source>
        <translation>一次性工伤医疗补助金</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="325"/>
        <source>One-time disability employment subsidy</source>
        <translation>一次性伤残就业补助金</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="326"/>
        <source>Wages during suspension of work</source>
        <translation>停工留薪期工资</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="328"/>
        <source>Funeral subsidy</source>
        <translation>丧葬补助金</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="329"/>
        <source>Dependants&apos; pension</source>
        <translation>供养亲属抚恤金</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="330"/>
        <source>One-time death subsidy</source>
        <translation>一次性工亡补助金</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="333"/>
        <source>Once</source>
        <translation>一次性</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="334"/>
        <source>Monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="337"/>
        <source>(for information)</source>
        <translation>（仅供参考）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="338"/>
        <source>Insurance fund</source>
        <translation>工伤保险基金</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="339"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="342"/>
        <location filename="../../injury_desk/catalogue/labels.py" line="343"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="344"/>
        <source>Partial dependency</source>
        <translation>生活部分不能自理</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="345"/>
        <source>Major dependency</source>
        <translation>生活大部分不能自理</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="346"/>
        <source>Full dependency</source>
        <translation>生活完全不能自理</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="349"/>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="350"/>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="351"/>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="352"/>
        <source>Other dependant</source>
        <translation>其他供养亲属</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="413"/>
        <source>Scheduled</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="414"/>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="415"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="137"/>
        <source>Claim %1 · status: %2</source>
        <translation>申报 %1 · 状态：%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="159"/>
        <source>Check the wages and parameters, calculate, then propose the assessment.</source>
        <translation>请核对工资和参数，计算后提交核定结果。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="162"/>
        <source>Proposed by %1 on %2; waiting for a supervisor (not the proposer) to approve or return it.</source>
        <translation>%1 于 %2 提交；等待审核人（非提交人）审核通过或退回。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="178"/>
        <source>Approved by %1 on %2. The figures are frozen as calculated with rules %3 and parameters %4.</source>
        <translation>%1 于 %2 审核通过。数额已按规则 %3 和参数 %4 的计算结果锁定。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="183"/>
        <source>Returned by %1 on %2: %3. Correct it and propose again.</source>
        <translation>%1 于 %2 退回：%3。请更正后重新提交。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="263"/>
        <source>Line items (calculated now, not saved)</source>
        <translation>待遇明细（当前试算，未保存）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="280"/>
        <source>Proposed. A supervisor must now approve it.</source>
        <translation>已提交，需由审核人审核通过。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="287"/>
        <source>Approved. The payment schedule is on the Payments tab.</source>
        <translation>已审核通过。支付计划见“支付”页。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="301"/>
        <source>Returned to the caseworker.</source>
        <translation>已退回经办人。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="320"/>
        <source>&amp;Payments (%1)</source>
        <translation>支付(&amp;P)（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="325"/>
        <source>Payment recorded.</source>
        <translation>已登记支付。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="322"/>
        <source>Top-up of the basic pension to the disability allowance</source>
        <translation>基本养老保险待遇低于伤残津贴的差额</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="327"/>
        <source>Hospital meal allowance</source>
        <translation>住院伙食补助费</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/attachments_dialog.py" line="29"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/attachments_dialog.py" line="34"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/attachments_dialog.py" line="35"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/attachments_dialog.py" line="36"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/attachments_dialog.py" line="37"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/attachments_dialog.py" line="38"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/attachments_dialog.py" line="42"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/attachments_dialog.py" line="43"/>
        <source>&amp;Save a copy…</source>
        <translation>另存副本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/attachments_dialog.py" line="44"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/attachments_dialog.py" line="127"/>
        <source>Attach photos or documents</source>
        <translation>添加照片或文档</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/attachments_dialog.py" line="128"/>
        <source>Photos and documents</source>
        <translation>照片和文档</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/attachments_dialog.py" line="136"/>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="49"/>
        <source>Batch print</source>
        <translation>批量打印</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/batch_print.py" line="54"/>
        <source>%1: %n claim(s)</source>
        <translation>
            <numerusform>%1：%n 件申报</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="59"/>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="67"/>
        <source>Output &amp;folder:</source>
        <translation>输出文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="70"/>
        <source>&amp;Labels:</source>
        <translation>标签语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="80"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="85"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="107"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="118"/>
        <source>No folder</source>
        <translation>未选择文件夹</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="118"/>
        <source>Choose the folder to write the PDF files to.</source>
        <translation>请选择 PDF 文件的保存文件夹。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="127"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="143"/>
        <source>Cancelling after the current file…</source>
        <translation>当前文件完成后取消…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="155"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/batch_print.py" line="163"/>
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>已向 %1 写入 %n 个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/batch_print.py" line="165"/>
        <source>Cancelled: %n claim(s) not printed.</source>
        <translation>
            <numerusform>已取消：%n 件申报未打印。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/batch_print.py" line="168"/>
        <source>%n claim(s) skipped:</source>
        <translation>
            <numerusform>跳过 %n 件申报：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/batch_print.py" line="172"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/batch_print.py" line="181"/>
        <source>Batch stopped: %1</source>
        <translation>批量打印已中止：%1</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="102"/>
        <source>Add &amp;plan…</source>
        <translation>添加计划(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="103"/>
        <source>Re&amp;view plan…</source>
        <translation>复查计划(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="104"/>
        <source>&amp;Return to work…</source>
        <translation>返岗情况(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="105"/>
        <source>&amp;Close case…</source>
        <translation>结案(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="106"/>
        <source>Add &amp;goal…</source>
        <translation>添加目标(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="107"/>
        <source>Record &amp;measurement…</source>
        <translation>记录评估值(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="108"/>
        <source>&amp;Schedule session…</source>
        <translation>安排康复服务(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="109"/>
        <source>Mark &amp;attended</source>
        <translation>标记已参加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="110"/>
        <source>Mark m&amp;issed</source>
        <translation>标记缺席(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="120"/>
        <source>Select a case to see its details.</source>
        <translation>选择一个案件以查看详情。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="126"/>
        <source>G&amp;oal:</source>
        <translation>目标(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="148"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="155"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="156"/>
        <source>Kind</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="157"/>
        <source>Cost (yuan)</source>
        <translation>费用（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="158"/>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="175"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="176"/>
        <source>Goals and progress</source>
        <translation>目标与进展</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="177"/>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="388"/>
        <source>Sessions</source>
        <translation>康复服务</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="285"/>
        <source>Measure: %1 · baseline %2 · target %3</source>
        <translation>指标：%1 · 基线 %2 · 目标 %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="287"/>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="378"/>
        <source>by %1</source>
        <translation>（%1 前）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="289"/>
        <source>Measured: %1</source>
        <translation>评估记录：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="312"/>
        <source>This case is closed; it can no longer be changed.</source>
        <translation>该案件已结案，不能再修改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="314"/>
        <source>Add a plan first: goals and sessions belong to a plan.</source>
        <translation>请先添加计划：目标和康复服务都属于某个计划。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="316"/>
        <source>Record the return-to-work outcome before closing the case.</source>
        <translation>结案前请先记录返岗情况。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="327"/>
        <source>Attendance can be recorded on the day of the session or later.</source>
        <translation>出勤情况可在服务当天或之后记录。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="337"/>
        <source>%1 rehabilitation at %2, opened %3 · %4</source>
        <translation>%1康复，机构：%2，%3 立案，%4</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="338"/>
        <source> on %1</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="340"/>
        <source>Budget %1 yuan · committed %2 · left %3</source>
        <translation>预算 %1 元 · 已占用 %2 · 剩余 %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="342"/>
        <source> (over budget)</source>
        <translation>（超出预算）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="346"/>
        <source>(%1 % committed)</source>
        <translation>（已占用 %1%）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="351"/>
        <source>Return to work</source>
        <translation>返岗情况</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="357"/>
        <source>Restrictions</source>
        <translation>工作限制</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="357"/>
        <source>Accommodations</source>
        <translation>岗位调整</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="362"/>
        <source>Not recorded yet</source>
        <translation>尚未记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="364"/>
        <source>Plans (%n)</source>
        <translation>
            <numerusform>计划（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="366"/>
        <source>No plan yet</source>
        <translation>尚无计划</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="369"/>
        <source>Plan of %1</source>
        <translation>%1 的计划</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="371"/>
        <source>review %1</source>
        <translation>复查 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="376"/>
        <source>%1 — %2: %3 → %4</source>
        <translation>%1 — %2：%3 → %4</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="381"/>
        <source>latest %1 on %2</source>
        <translation>最近 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="383"/>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="385"/>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="390"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="386"/>
        <source>%1 · %2 · %3 yuan · %4</source>
        <translation>%1 · %2 · %3 元 · %4</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_view.py" line="218"/>
        <source>Reading the case…</source>
        <translation>正在读取案件…</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_window.py" line="31"/>
        <source>Rehabilitation case %1 · %2</source>
        <translation>康复案件 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_window.py" line="24"/>
        <source>Rehabilitation case</source>
        <translation>康复案件</translation>
    </message>
</context>
<context>
    <name>ClaimDetailView</name>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="54"/>
        <source>Do &amp;next step…</source>
        <translation>办理下一步(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="57"/>
        <source>E&amp;xtend appraisal (+30 days)</source>
        <translation>延长鉴定期限（+30日）(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="59"/>
        <source>Benefit &amp;assessment…</source>
        <translation>待遇核定(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="62"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="69"/>
        <source>Move to pa&amp;yment</source>
        <translation>转入待遇支付(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="69"/>
        <source>Move to a&amp;ssessment</source>
        <translation>转入待遇核定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="70"/>
        <source>C&amp;lose claim</source>
        <translation>结案(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="100"/>
        <source>Select a claim to see its details.</source>
        <translation>请选择一件申报以查看详情。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="106"/>
        <source>Next step: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="139"/>
        <source>&amp;Costs</source>
        <translation>费用(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="140"/>
        <source>D&amp;ependants</source>
        <translation>供养亲属(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="143"/>
        <source>&amp;Missing worker</source>
        <translation>下落不明(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="197"/>
        <source>Claim no.</source>
        <translation>申报编号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="198"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="199"/>
        <source>Next deadline</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="200"/>
        <source>Worker</source>
        <translation>职工</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="201"/>
        <source>ID number</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="202"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="203"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="204"/>
        <source>Accident</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="205"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="206"/>
        <source>Injured body parts</source>
        <translation>受伤部位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="207"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="211"/>
        <source>Date of death</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="213"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="214"/>
        <source>Application received</source>
        <translation>收到申请</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="215"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="219"/>
        <source>Determination</source>
        <translation>工伤认定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="222"/>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="321"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="226"/>
        <source>requested %1</source>
        <translation>申请于 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="228"/>
        <source>concluded %1, grade %2</source>
        <translation>结论于 %1，伤残等级 %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="231"/>
        <source>Appraisal</source>
        <translation>劳动能力鉴定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="235"/>
        <source>%1 to %2: %3 month(s) of wages</source>
        <translation>%1至%2：%3个月工资</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="238"/>
        <source>from %1, at most %2 months</source>
        <translation>自%1起，最长%2个月</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="240"/>
        <source>extended to %1 months, confirmed by %2</source>
        <translation>经%2确认延长至%1个月</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="242"/>
        <source>Suspension period (Art. 33)</source>
        <translation>停工留薪期（第三十三条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="245"/>
        <source>Circumstances</source>
        <translation>事故经过</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="230"/>
        <source>pending</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="321"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="321"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="321"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="329"/>
        <source>Paused since %1</source>
        <translation>自%1起中止</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="81"/>
        <source>S&amp;ummary</source>
        <translation>概要(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="137"/>
        <source>&amp;Deadlines</source>
        <translation>期限(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="138"/>
        <source>D&amp;ocuments</source>
        <translation>材料(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="141"/>
        <source>&amp;Recurrence</source>
        <translation>工伤复发(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="142"/>
        <source>Un&amp;insured employer</source>
        <translation>未参保单位(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="144"/>
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="145"/>
        <source>&amp;History</source>
        <translation>历程(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="265"/>
        <source>proposed, awaiting approval</source>
        <translation>已提出，待审批</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="265"/>
        <source>approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="266"/>
        <source>returned for changes</source>
        <translation>已退回修改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="269"/>
        <source>Current assessment</source>
        <translation>当前待遇核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="270"/>
        <source>%1: %2 yuan once, %3 yuan a month</source>
        <translation>%1：一次性 %2 元，每月 %3 元</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="273"/>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="273"/>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="274"/>
        <source>%1 yuan in %2 payment(s)</source>
        <translation>%1 元，共 %2 笔</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="276"/>
        <source>next on %1</source>
        <translation>下次 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="277"/>
        <source>Due</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="279"/>
        <source>Overdue</source>
        <translation>逾期未付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="279"/>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="281"/>
        <source>Costs against receipts</source>
        <translation>凭票据支付的费用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="282"/>
        <source>%1 yuan approved from the fund, %2 yuan by the employer, %3 yuan awaiting approval</source>
        <translation>已审批基金支付 %1 元、用人单位支付 %2 元，待审批 %3 元</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="284"/>
        <source>Money</source>
        <translation>待遇与支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="298"/>
        <source>Superseded assessment</source>
        <translation>已被取代的核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="299"/>
        <source>%1 yuan once, %2 yuan a month; superseded from %3</source>
        <translation>一次性 %1 元，每月 %2 元；自%3起被取代</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="303"/>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="306"/>
        <source>Arrears</source>
        <translation>应补发</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="306"/>
        <source>Overpayment to recover</source>
        <translation>多发应追回</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="308"/>
        <source>%1: %2 yuan</source>
        <translation>%1：%2 元</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="311"/>
        <source>(%1 month(s) × %2)</source>
        <translation>（%1个月 × %2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="334"/>
        <source>Open tasks: statutory deadlines</source>
        <translation>待办：法定期限</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="200"/>
        <source>%1 (%2, born %3)</source>
        <translation>%1（%2，%3 出生）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="220"/>
        <source>%1, %2, decision %3</source>
        <translation>%1，%2，%3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/detail_view.py" line="231"/>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
</context>
<context>
    <name>ClaimListModel</name>
    <message>
        <location filename="../../injury_desk/ui/claims/list_model.py" line="45"/>
        <source>Claim no.</source>
        <translation>申报编号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/list_model.py" line="45"/>
        <source>Worker</source>
        <translation>职工</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/list_model.py" line="45"/>
        <source>ID number</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/list_model.py" line="45"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/list_model.py" line="46"/>
        <source>Accident date</source>
        <translation>事故日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/list_model.py" line="46"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/list_model.py" line="46"/>
        <source>Next deadline</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/list_model.py" line="84"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
</context>
<context>
    <name>ClaimPrintMenu</name>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="74"/>
        <source>Blank application form, to fill in by hand…</source>
        <translation>空白申请表（手工填写）…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="78"/>
        <source>Batch: decision letters decided today…</source>
        <translation>批量：今日作出的认定决定书…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="92"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="92"/>
        <source>Select a claim first.</source>
        <translation>请先选择一件申报。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="103"/>
        <location filename="../../injury_desk/ui/print_menu.py" line="109"/>
        <source>Batch print</source>
        <translation>批量打印</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="104"/>
        <source>No injury determination of this office was decided today.</source>
        <translation>本机构今日没有作出工伤认定决定。</translation>
    </message>
</context>
<context>
    <name>ClaimsPage</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claims_page.py" line="41"/>
        <source>Filter by claim number, worker name, ID number or employer</source>
        <translation>按申报编号、职工姓名、身份证号码或用人单位筛选</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claims_page.py" line="44"/>
        <source>&amp;New claim…</source>
        <translation>新建申报(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claims_page.py" line="49"/>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/claims/claims_page.py" line="202"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n 件申报</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/claims/claims_page.py" line="204"/>
        <source>at least %n claim(s), counting…</source>
        <translation>
            <numerusform>至少 %n 件申报，正在统计…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claims_page.py" line="337"/>
        <source>Close claim</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claims_page.py" line="338"/>
        <source>Close claim %1 for good? A closed claim cannot be reopened, and it leaves the lists of open work.</source>
        <translation>确定将申报 %1 结案吗？结案后不能重新打开，并将从待办列表中移除。</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="458"/>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="459"/>
        <source>&amp;Closed on</source>
        <translation>结案日期(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="461"/>
        <source>Record the return-to-work outcome first: a case closes with its outcome.</source>
        <translation>请先登记返岗结果：结案须有返岗结果。</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="30"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="31"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="32"/>
        <source>Base (before both edits)</source>
        <translation>原值（双方修改前）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="33"/>
        <source>Central value</source>
        <translation>中心的值</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="34"/>
        <source>This desktop&apos;s value</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="35"/>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="43"/>
        <source>The same field was changed here and centrally. The central value is in force until you choose: keep it, take this desktop&apos;s value, or type a new one. Your choice is sent with the next sync.</source>
        <translation>同一字段在本机和中心都被修改过。在您作出选择之前，以中心的值为准：保留中心的值、采用本机的值，或输入新值。您的选择将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="87"/>
        <source>No conflicts: every change merged.</source>
        <translation>没有冲突：所有更改均已合并。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="88"/>
        <source>No conflicts. This desktop has not synced yet: conflicts can only appear once it has.</source>
        <translation>没有冲突。本机尚未同步过：同步之后才可能出现冲突。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="48"/>
        <source>Keep &amp;central value</source>
        <translation>保留中心的值(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="50"/>
        <source>Use &amp;this desktop&apos;s value</source>
        <translation>采用本机的值(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="54"/>
        <source>or type a new value</source>
        <translation>或输入新值</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="55"/>
        <source>Use &amp;new value</source>
        <translation>采用新值(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/conflicts.py" line="62"/>
        <source>Only a caseworker or a supervisor can settle a conflict.</source>
        <translation>只有经办人或审核人可以处理冲突。</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../../injury_desk/ui/sync/correct_dialog.py" line="21"/>
        <source>Correct the refused change</source>
        <translation>更正被拒绝的更改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/correct_dialog.py" line="24"/>
        <source>%1 — refused because: %2</source>
        <translation>%1 — 被拒绝的原因：%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/correct_dialog.py" line="34"/>
        <source>Before this change: %1</source>
        <translation>此次更改前：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/correct_dialog.py" line="37"/>
        <source>Correct and &amp;resend</source>
        <translation>更正并重新发送(&amp;R)</translation>
    </message>
</context>
<context>
    <name>CostDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="235"/>
        <source>Propose a cost against a receipt</source>
        <translation>凭票据提出费用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="256"/>
        <source>Empty: the region&apos;s daily standard</source>
        <translation>留空：按统筹地区每日标准</translation>
    </message>
</context>
<context>
    <name>Costs</name>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="388"/>
        <source>Medical treatment</source>
        <translation>医疗费</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="389"/>
        <source>Hospital meal allowance</source>
        <translation>住院伙食补助费</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="390"/>
        <source>Travel and lodging for treatment elsewhere</source>
        <translation>统筹地区以外就医交通食宿费</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="391"/>
        <source>Assistive device</source>
        <translation>辅助器具费</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="392"/>
        <source>Rehabilitation</source>
        <translation>康复费</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="393"/>
        <source>Appraisal fee</source>
        <translation>劳动能力鉴定费</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="396"/>
        <source>Regulation Art. 30 paras. 1–3; Social Insurance Law Art. 38(1)</source>
        <translation>《工伤保险条例》第三十条第一至三款；《社会保险法》第三十八条第（一）项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="397"/>
        <source>Regulation Art. 30 para. 4; Social Insurance Law Art. 38(2)</source>
        <translation>《工伤保险条例》第三十条第四款；《社会保险法》第三十八条第（二）项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="398"/>
        <source>Regulation Art. 30 para. 4; Social Insurance Law Art. 38(3)</source>
        <translation>《工伤保险条例》第三十条第四款；《社会保险法》第三十八条第（三）项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="399"/>
        <source>Regulation Art. 32; Social Insurance Law Art. 38(4)</source>
        <translation>《工伤保险条例》第三十二条；《社会保险法》第三十八条第（四）项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="400"/>
        <source>Regulation Art. 30 para. 6; Social Insurance Law Art. 38(1)</source>
        <translation>《工伤保险条例》第三十条第六款；《社会保险法》第三十八条第（一）项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="401"/>
        <source>Social Insurance Law Art. 38(9)</source>
        <translation>《社会保险法》第三十八条第（九）项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="408"/>
        <source>Proposed, awaiting approval</source>
        <translation>已提出，待审批</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="409"/>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="410"/>
        <source>Returned for changes</source>
        <translation>已退回修改</translation>
    </message>
</context>
<context>
    <name>CostsTab</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="299"/>
        <source>Incurred</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="301"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="303"/>
        <source>Receipt</source>
        <translation>票据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="304"/>
        <source>Payer</source>
        <translation>支付方</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="305"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="306"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="307"/>
        <source>proposed by %1</source>
        <translation>提出人：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="310"/>
        <source>decided by %1</source>
        <translation>审批人：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="316"/>
        <source>&amp;Propose a cost…</source>
        <translation>提出费用(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="318"/>
        <source>&amp;Approve the selected cost</source>
        <translation>审批所选费用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="320"/>
        <source>&amp;Return the selected cost…</source>
        <translation>退回所选费用(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="350"/>
        <source>Approved: %1 yuan from the fund, %2 yuan by the employer; %3 yuan awaiting approval</source>
        <translation>已审批：基金支付 %1 元，用人单位支付 %2 元；待审批 %3 元</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="363"/>
        <source>Select a cost first.</source>
        <translation>请先选择一项费用。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="382"/>
        <source>Return for changes</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="382"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>DeadlinesTab</name>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="64"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="65"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="76"/>
        <source>&amp;Record…</source>
        <translation>登记(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="66"/>
        <source>Deadline and legal basis</source>
        <translation>期限及法律依据</translation>
    </message>
</context>
<context>
    <name>DependantDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="48"/>
        <source>Enter a dependant</source>
        <translation>登记供养亲属</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="60"/>
        <source>Sex and birth date come from the number</source>
        <translation>性别和出生日期由身份证号码得出</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="63"/>
        <source>(from the ID number)</source>
        <translation>（按身份证号码）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="67"/>
        <source>No ID number yet: enter the birth date</source>
        <translation>尚无身份证号码：填写出生日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="74"/>
        <source>Empty: paid to the person (a guardian for a child)</source>
        <translation>留空：支付给本人（子女可由监护人领取）</translation>
    </message>
</context>
<context>
    <name>Dependants</name>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="363"/>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="364"/>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="365"/>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="366"/>
        <source>Grandparent</source>
        <translation>祖父母、外祖父母</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="367"/>
        <source>Grandchild</source>
        <translation>孙子女、外孙子女</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="368"/>
        <source>Brother or sister</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="371"/>
        <source>Completely unable to work (Art. 3(1))</source>
        <translation>完全丧失劳动能力（第三条第（一）项）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="372"/>
        <source>Spouse: man of 60 or woman of 55 (Art. 3(2))</source>
        <translation>配偶：男年满60周岁、女年满55周岁（第三条第（二）项）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="373"/>
        <source>Parent: man of 60 or woman of 55 (Art. 3(3))</source>
        <translation>父母：男年满60周岁、女年满55周岁（第三条第（三）项）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="374"/>
        <source>Child under 18 (Art. 3(4))</source>
        <translation>未满18周岁的子女（第三条第（四）项）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="375"/>
        <source>Grandparent of 60 or 55, both parents dead (Art. 3(5))</source>
        <translation>父母均已死亡，祖父母、外祖父母男年满60周岁、女年满55周岁（第三条第（五）项）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="376"/>
        <source>Grandchild under 18 (Art. 3(6))</source>
        <translation>未满18周岁的孙子女、外孙子女（第三条第（六）项）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="377"/>
        <source>Brother or sister under 18 (Art. 3(7))</source>
        <translation>未满18周岁的兄弟姐妹（第三条第（七）项）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="380"/>
        <source>Turns 18</source>
        <translation>年满18周岁</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="381"/>
        <source>Took up employment</source>
        <translation>就业</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="382"/>
        <source>Enlisted</source>
        <translation>参军</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="383"/>
        <source>Remarried</source>
        <translation>再婚</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="384"/>
        <source>Adopted</source>
        <translation>被他人或组织收养</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="385"/>
        <source>Died</source>
        <translation>死亡</translation>
    </message>
</context>
<context>
    <name>DependantsTab</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="126"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="127"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="129"/>
        <source>ID number and birth date</source>
        <translation>身份证号码及出生日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="131"/>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="132"/>
        <source>Payee</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="133"/>
        <source>Pension ends</source>
        <translation>抚恤金终止</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="140"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="141"/>
        <source>Dependant</source>
        <translation>供养亲属</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="142"/>
        <source>Paid to</source>
        <translation>支付给</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="143"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="144"/>
        <source>Before adjustments (Art. 40)</source>
        <translation>调整前金额（第四十条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="146"/>
        <source>Cut to the cap</source>
        <translation>按上限核减</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="152"/>
        <source>&amp;Enter a dependant…</source>
        <translation>登记供养亲属(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="154"/>
        <source>E&amp;nd the selected pension…</source>
        <translation>终止所选抚恤金(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="161"/>
        <source>Pensions of the next 12 months (Art. 39(2): the total never above the worker&apos;s wage)</source>
        <translation>今后12个月的抚恤金（第三十九条第（二）项：总额不高于职工生前工资）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="177"/>
        <source>Only the claim of a worker who died of the injury has dependants (Art. 39).</source>
        <translation>只有因工死亡职工的案件才有供养亲属（第三十九条）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="200"/>
        <source>The pensions are worked out once the assessment is approved (its wage base is the cap).</source>
        <translation>待遇核定审批后计算抚恤金（其工资基数即为上限）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="204"/>
        <source>Worker&apos;s wage base, the cap of all pensions together: %1 yuan a month</source>
        <translation>职工本人工资基数，即各供养亲属抚恤金之和的上限：每月 %1 元</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="217"/>
        <source>Select the dependant whose pension ends.</source>
        <translation>请选择抚恤金终止的供养亲属。</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="143"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="144"/>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="145"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="146"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="151"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="153"/>
        <source>&amp;Save a copy…</source>
        <translation>另存副本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="184"/>
        <source>No documents are required for this step.</source>
        <translation>本环节无需提交材料。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="187"/>
        <source>Still missing for this step: %1</source>
        <translation>本环节尚缺材料：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="187"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="190"/>
        <source>Every document this step needs is on file.</source>
        <translation>本环节所需材料已齐全。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="202"/>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
</context>
<context>
    <name>EmployerChoices</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/common.py" line="36"/>
        <source>Loading employers…</source>
        <translation>正在读取用人单位…</translation>
    </message>
</context>
<context>
    <name>EmployerDialog</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="25"/>
        <source>New employer</source>
        <translation>新建用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="25"/>
        <source>Edit employer</source>
        <translation>编辑用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="27"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="28"/>
        <source>&amp;Unified social credit code</source>
        <translation>统一社会信用代码(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="30"/>
        <source>18 characters, e.g. 91350100M000100Y43</source>
        <translation>18位，例如 91350100M000100Y43</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="31"/>
        <source>&amp;Industry</source>
        <translation>所属行业(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="33"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="35"/>
        <source>Class %1</source>
        <translation>%1 类</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="36"/>
        <source>&amp;Risk class</source>
        <translation>行业风险类别(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="37"/>
        <source>&amp;Headcount</source>
        <translation>职工人数(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="38"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="39"/>
        <source>&amp;Contact person</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="40"/>
        <source>Contact &amp;phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="42"/>
        <source>In&amp;sured (work-injury insurance)</source>
        <translation>已参加工伤保险(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="44"/>
        <source>Insured &amp;from</source>
        <translation>参保起始日期(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="45"/>
        <source>Insured &amp;to</source>
        <translation>参保截止日期(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employer_dialog.py" line="47"/>
        <source>YYYY-MM-DD; empty: no limit</source>
        <translation>YYYY-MM-DD；留空表示不限</translation>
    </message>
</context>
<context>
    <name>EmployerPage</name>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="175"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="176"/>
        <source>Enter the unified social credit code: a registered employer is found automatically, otherwise enter the employer&apos;s details.</source>
        <translation>请输入统一社会信用代码：已登记的用人单位会自动查出，否则请填写用人单位信息。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="197"/>
        <source>&amp;Credit code:</source>
        <translation>统一社会信用代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="199"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="200"/>
        <source>&amp;Industry:</source>
        <translation>所属行业(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="201"/>
        <source>&amp;Risk class (1–8):</source>
        <translation>行业风险类别（1–8）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="202"/>
        <source>&amp;Headcount:</source>
        <translation>职工人数(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="203"/>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="204"/>
        <source>C&amp;ontact person:</source>
        <translation>联系人(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="205"/>
        <source>Contact &amp;phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="234"/>
        <source>Registered employer found: %1 (%2).</source>
        <translation>已找到登记的用人单位：%1（%2）。</translation>
    </message>
</context>
<context>
    <name>EmployersPage</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="57"/>
        <source>Name or credit code</source>
        <translation>名称或统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="59"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="63"/>
        <source>&amp;Industry:</source>
        <translation>所属行业(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="66"/>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="187"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="68"/>
        <source>Class %1</source>
        <translation>%1 类</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="69"/>
        <source>&amp;Risk class:</source>
        <translation>风险类别(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="71"/>
        <source>&amp;New employer…</source>
        <translation>新建用人单位(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="72"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="74"/>
        <source>&amp;Inspect…</source>
        <translation>检查(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="75"/>
        <source>Open the inspection wizard for the selected employer</source>
        <translation>为所选用人单位打开检查向导</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="97"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="98"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="99"/>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="100"/>
        <source>Risk class</source>
        <translation>风险类别</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="101"/>
        <source>Headcount</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="109"/>
        <source>Select an employer to see its overview.</source>
        <translation>选择一个用人单位查看其概况。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="210"/>
        <source>%n employer(s)</source>
        <translation>
            <numerusform>%n 个用人单位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="288"/>
        <source>Credit code %1 · %2 · risk class %3 · %4 staff</source>
        <translation>统一社会信用代码 %1 · %2 · 风险类别 %3 · 职工 %4 人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="298"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="317"/>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="318"/>
        <source>%1: %2, %3 open of %4 hazard(s)</source>
        <translation>%1：%2，隐患 %4 项，未整改 %3 项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="319"/>
        <source>Open hazards</source>
        <translation>未整改隐患</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="320"/>
        <source>%1: %2 at %3</source>
        <translation>%1：%3，%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="322"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="323"/>
        <source>%1: %2 (%3 attended)</source>
        <translation>%1：%2（%3 人参加）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="324"/>
        <source>Incidents</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="325"/>
        <source>%1: %2, %3, %4 day(s) lost</source>
        <translation>%1：%2，%3，损失工作日 %4 天</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="327"/>
        <source>Claims</source>
        <translation>工伤申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="328"/>
        <source>%1 · %2 · accident %3 · %4</source>
        <translation>%1 · %2 · 事故日期 %3 · %4</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="77"/>
        <source>Head&amp;counts…</source>
        <translation>职工人数(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="78"/>
        <source>The selected employer&apos;s headcount by year, the denominator of its injury rates</source>
        <translation>所选单位各年度的职工人数，即其工伤发生率的分母</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="302"/>
        <source>Injury rates per 100 workers, on each year&apos;s headcount</source>
        <translation>每百名职工工伤发生率（按各年度职工人数计算）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="308"/>
        <source>%1: no headcount recorded, so no rate (%2 claim(s) and %3 incident(s) left out)</source>
        <translation>%1：未登记职工人数，不计算发生率（%2 件申请、%3 起事件未计入）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="312"/>
        <source>%1: %2 workers; recognised injuries %3, pending %4, not recognised %5; accidents %6, near misses %7; %8 day(s) lost</source>
        <translation>%1：职工 %2 人；认定工伤 %3，待认定 %4，不予认定 %5；事故 %6，未遂事件 %7；损失工作日 %8 天</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/employers_page.py" line="246"/>
        <source>Loading the overview…</source>
        <translation>正在读取概况…</translation>
    </message>
</context>
<context>
    <name>EndPensionDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="101"/>
        <source>End the pension of %1</source>
        <translation>终止%1的抚恤金</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="144"/>
        <source>Enrol this desktop</source>
        <translation>登记本机</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="146"/>
        <source>Enter the address of your central sync service and the one-time enrolment code the central administrator gave you. The desktop then receives your office, its user accounts and its records, so you can log in with your usual user name and password, also when offline later.</source>
        <translation>请输入中心同步服务的地址，以及中心管理员提供的一次性登记码。本机随后会接收您所在的经办机构、其用户账号和业务记录，之后您即可用平常的用户名和密码登录，离线时也可以。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="182"/>
        <source>This desktop is enrolled, but it has not yet received its office and its user accounts. Receive them now.</source>
        <translation>本机已登记，但尚未收到所属经办机构及其用户账号。请现在接收。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="157"/>
        <source>&amp;Enrol</source>
        <translation>登记(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="185"/>
        <source>&amp;Receive</source>
        <translation>接收(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="202"/>
        <source>Enrolling and receiving the office&apos;s data…</source>
        <translation>正在登记并接收经办机构的数据…</translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="39"/>
        <source>as printed by the central administrator, e.g. GZ01-1A2B3C4D5E6F7A8B</source>
        <translation>按中心管理员打印的登记码输入，例如 GZ01-1A2B3C4D5E6F7A8B</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="40"/>
        <source>Allow plain HTTP to this address (unencrypted; only on a trusted network)</source>
        <translation>允许以明文 HTTP 连接此地址（不加密，仅限可信网络）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="51"/>
        <source>&amp;Enrol</source>
        <translation>登记(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="58"/>
        <source>Central service &amp;address:</source>
        <translation>中心服务地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="59"/>
        <source>One-time enrolment &amp;code:</source>
        <translation>一次性登记码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="108"/>
        <source>Central service address</source>
        <translation>中心服务地址</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/enrol.py" line="108"/>
        <source>Enrolment code</source>
        <translation>登记码</translation>
    </message>
</context>
<context>
    <name>ErrorHandler</name>
    <message>
        <location filename="../../injury_desk/ui/error_handler.py" line="78"/>
        <source>The details were written to %1 for support.</source>
        <translation>详细信息已写入 %1，供技术支持查看。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/error_handler.py" line="81"/>
        <source>The details could not be written to %1.</source>
        <translation>详细信息未能写入 %1。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/error_handler.py" line="83"/>
        <source>Something went wrong in the program (%1). What you were doing may not have been completed; nothing else was changed, and you can go on working.</source>
        <translation>程序出错（%1）。刚才的操作可能没有完成；其他数据没有改动，可以继续工作。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/error_handler.py" line="86"/>
        <source>Program error</source>
        <translation>程序错误</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="41"/>
        <source>Follow-up visit</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="47"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="47"/>
        <source>%1 · inspected %2</source>
        <translation>%1 · %2 检查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="53"/>
        <source>&amp;Visited on</source>
        <translation>复查日期(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="58"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="58"/>
        <source>Action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="58"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="58"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="59"/>
        <source>Outcome</source>
        <translation>复查结果</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="59"/>
        <source>New due date</source>
        <translation>新整改期限</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="67"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="68"/>
        <source>(overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="72"/>
        <source>leave open</source>
        <translation>保持未完成</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="73"/>
        <source>done</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="74"/>
        <source>extend to</source>
        <translation>延期至</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/followup_dialog.py" line="91"/>
        <source>No open corrective actions: everything found on this inspection is fixed.</source>
        <translation>没有未完成的整改措施：本次检查发现的问题均已整改。</translation>
    </message>
</context>
<context>
    <name>Formulas</name>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="15"/>
        <source> + </source>
        <translation> + </translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="16"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="17"/>
        <source>%1 ÷ %2 = %3</source>
        <translation>%1 ÷ %2 = %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="18"/>
        <source>average monthly wage %1</source>
        <translation>本人月平均工资 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="19"/>
        <source>%1, within %2 × %3 = %4 .. %5 × %3 = %6 → %7</source>
        <translation>%1，介于 %2 × %3 = %4 与 %5 × %3 = %6 之间 → %7</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="21"/>
        <source>%1 &lt; %2 × %3 = %4 → %5</source>
        <translation>%1 &lt; %2 × %3 = %4（低于下限）→ %5</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="22"/>
        <source>%1 &gt; %2 × %3 = %4 → %5</source>
        <translation>%1 &gt; %2 × %3 = %4（高于上限）→ %5</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="23"/>
        <source>%1 months × %2 wage base = %3</source>
        <translation>%1 个月 × 本人工资 %2 = %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="24"/>
        <source>%1 × %2 wage base = %3</source>
        <translation>%1 × 本人工资 %2 = %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="25"/>
        <source>%1 × %2 wage base = %3 → %4</source>
        <translation>%1 × 本人工资 %2 = %3 → %4</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="26"/>
        <source>%1 × %2 wage base = %3 &lt; minimum wage %4 → %5</source>
        <translation>%1 × 本人工资 %2 = %3 &lt; 当地最低工资标准 %4 → %5</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="27"/>
        <source>%1; %2 monthly disability allowance − %3 basic pension = %4</source>
        <translation>%1；伤残津贴 %2 − 基本养老保险待遇 %3 = %4</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="29"/>
        <source>%1 × %2 regional average monthly wage = %3</source>
        <translation>%1 × 统筹地区上年度职工月平均工资 %2 = %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="30"/>
        <source>%1 months × %2 own average monthly wage (original wage, not bounded) = %3</source>
        <translation>%1 个月 × 本人原工资 %2（不受上下限限制）= %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="32"/>
        <source>%1 days × %2 daily hospital meal allowance = %3</source>
        <translation>%1 天 × 每日住院伙食补助标准 %2 = %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="33"/>
        <source>%1 months × %2 regional average monthly wage = %3</source>
        <translation>%1 个月 × 统筹地区上年度职工月平均工资 %2 = %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="34"/>
        <source>%1 = %2; %2 × %3 wage base = %4</source>
        <translation>%1 = %2；%2 × 本人工资 %3 = %4</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="35"/>
        <source>%1 = %2 &gt; cap %3 → %3; %3 × %4 wage base = %5</source>
        <translation>%1 = %2 &gt; 上限 %3 → %3；%3 × 本人工资 %4 = %5</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="36"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="37"/>
        <source>%1 %2+%3</source>
        <translation>%1 %2+%3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="38"/>
        <source>%1 × %2 national urban per-capita disposable income = %3</source>
        <translation>%1 × 上一年度全国城镇居民人均可支配收入 %2 = %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="39"/>
        <source>%1 × %2 national urban per-capita disposable income (%3) = %4</source>
        <translation>%1 × 全国城镇居民人均可支配收入 %2（%3年）= %4</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="44"/>
        <source>spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="45"/>
        <source>child</source>
        <translation>子女</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="46"/>
        <source>parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="47"/>
        <source>other</source>
        <translation>其他亲属</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="49"/>
        <source>regional average monthly wage: %1</source>
        <translation>职工月平均工资：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="50"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="51"/>
        <source>daily standard: %1</source>
        <translation>伙食补助标准：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="52"/>
        <source>%1, %2</source>
        <translation>%1，%2年</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="53"/>
        <source>%1, %2 [%3]</source>
        <translation>%1，%2年（%3）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="41"/>
        <source>%1 × (1 + %2) = %3 (%4)</source>
        <translation>%1 × (1 + %2) = %3（%4）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="42"/>
        <source>%1 + %2 = %3 (%4)</source>
        <translation>%1 + %2 = %3（%4）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="43"/>
        <source>%1 × (1 + %2) + %3 = %4 (%5)</source>
        <translation>%1 × (1 + %2) + %3 = %4（%5）</translation>
    </message>
</context>
<context>
    <name>GoalChart</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/progress_chart.py" line="56"/>
        <source>Choose a goal to see its progress.</source>
        <translation>选择一个目标以查看进展。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/progress_chart.py" line="71"/>
        <source>Measured</source>
        <translation>评估值</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/progress_chart.py" line="79"/>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/progress_chart.py" line="88"/>
        <source>Target date %1</source>
        <translation>目标日期 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/progress_chart.py" line="95"/>
        <source>Baseline %1</source>
        <translation>基线 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/progress_chart.py" line="120"/>
        <source>no measurements yet</source>
        <translation>尚无评估记录</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="231"/>
        <source>Add goal</source>
        <translation>添加目标</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="232"/>
        <source>P&amp;lan</source>
        <translation>计划(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="233"/>
        <source>&amp;Goal</source>
        <translation>目标(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="234"/>
        <source>e.g. dress and wash without help</source>
        <translation>例如：独立穿衣、洗漱</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="238"/>
        <source>Another measure…</source>
        <translation>其他指标…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="239"/>
        <source>&amp;Measure</source>
        <translation>衡量指标(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="240"/>
        <source>Measure &amp;name</source>
        <translation>指标名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="241"/>
        <source>e.g. grip strength (kg)</source>
        <translation>例如：握力（千克）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="242"/>
        <source>&amp;Baseline</source>
        <translation>基线值(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="243"/>
        <source>&amp;Target</source>
        <translation>目标值(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="244"/>
        <source>Target &amp;date</source>
        <translation>目标日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="245"/>
        <source>optional, yyyy-mm-dd</source>
        <translation>可选，格式 yyyy-mm-dd</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="255"/>
        <source>free text, e.g. 12 kg</source>
        <translation>自由填写，例如 12 kg</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="255"/>
        <source>a value from %1</source>
        <translation>取值 %1</translation>
    </message>
</context>
<context>
    <name>HazardDialog</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="104"/>
        <source>Add hazard</source>
        <translation>添加隐患</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="106"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="106"/>
        <source>%1 · inspected %2</source>
        <translation>%1 · %2 检查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="107"/>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="108"/>
        <source>e.g. machine guarding</source>
        <translation>例如：机械防护</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="110"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="114"/>
        <source>&amp;Severity</source>
        <translation>严重程度(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="115"/>
        <source>&amp;Location</source>
        <translation>位置(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="116"/>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
</context>
<context>
    <name>HazardDraftDialog</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="88"/>
        <source>Hazard found</source>
        <translation>发现的隐患</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="89"/>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="90"/>
        <source>e.g. machine guarding</source>
        <translation>例如：机械防护</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="92"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="96"/>
        <source>&amp;Severity</source>
        <translation>严重程度(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="97"/>
        <source>&amp;Location</source>
        <translation>位置(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="98"/>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="102"/>
        <source>Add &amp;photo or document…</source>
        <translation>添加照片或文档(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="103"/>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="118"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="146"/>
        <source>Attach photos or documents</source>
        <translation>添加照片或文档</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="147"/>
        <source>Photos and documents</source>
        <translation>照片和文档</translation>
    </message>
</context>
<context>
    <name>HeadcountDialog</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="24"/>
        <source>Headcount by year: %1</source>
        <translation>各年度职工人数：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="29"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="30"/>
        <source>Workers</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="31"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="35"/>
        <source>&amp;Remove year</source>
        <translation>删除该年度(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="37"/>
        <source>A year&apos;s injury rates use that year&apos;s headcount; a year without one has no rate, and the employer is left out of its group&apos;s rates for that year.</source>
        <translation>某年度的工伤发生率以该年度职工人数为分母；未登记职工人数的年度不计算发生率，该单位也不计入所在分组该年度的发生率。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="41"/>
        <source>Recorded years</source>
        <translation>已登记年度</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="51"/>
        <source>&amp;Year</source>
        <translation>年度(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="54"/>
        <source>— enter —</source>
        <translation>— 请输入 —</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="55"/>
        <source>&amp;Workers</source>
        <translation>职工人数(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="56"/>
        <source>&amp;Source</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="57"/>
        <source>e.g. insured workers in the social insurance system</source>
        <translation>例如：社保经办系统中的工伤保险参保人数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="98"/>
        <source>Correct year</source>
        <translation>更正该年度</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/headcount_dialog.py" line="98"/>
        <source>Record year</source>
        <translation>登记该年度</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="284"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="285"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="286"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="309"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="38"/>
        <source>Record incident</source>
        <translation>登记事故事件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="38"/>
        <source>Edit incident</source>
        <translation>编辑事故事件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="40"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="41"/>
        <source>&amp;Employer</source>
        <translation>用人单位(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="47"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="48"/>
        <source>&amp;Occurred on</source>
        <translation>发生日期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="50"/>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="51"/>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="54"/>
        <source>Days &amp;lost</source>
        <translation>损失工作日(&amp;L)</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="95"/>
        <source>&amp;Record incident…</source>
        <translation>登记事故事件(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="96"/>
        <source>&amp;Edit incident…</source>
        <translation>编辑事故事件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="98"/>
        <source>Create &amp;claim from incident…</source>
        <translation>据此事故创建申报(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="100"/>
        <source>Attach&amp;ments…</source>
        <translation>附件(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="101"/>
        <source>Photos and documents of the selected incident</source>
        <translation>所选事故事件的照片和文件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="105"/>
        <source>Filter: employer, place, description</source>
        <translation>筛选：用人单位、地点、描述</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="116"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="117"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="118"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="119"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="120"/>
        <source>Days lost</source>
        <translation>损失工作日</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="121"/>
        <source>Claim</source>
        <translation>申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="122"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="150"/>
        <source>Claim %1 was made from this incident</source>
        <translation>已据此事故创建申报 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="152"/>
        <source>A near miss injured nobody: there is nothing to claim</source>
        <translation>未遂事件无人受伤，无需申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="193"/>
        <source>Incident of %1 at %2: %3</source>
        <translation>%1 在 %2 发生的事故事件：%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/prevention/incidents_page.py" line="202"/>
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n 起事故事件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionWizard</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="588"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="71"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="72"/>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="73"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="74"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="169"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="172"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="174"/>
        <source>&amp;Plan inspection…</source>
        <translation>计划检查(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="175"/>
        <source>&amp;Record visit…</source>
        <translation>登记检查结果(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="176"/>
        <source>Add &amp;hazard…</source>
        <translation>添加隐患(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="177"/>
        <source>Add corrective &amp;action…</source>
        <translation>添加整改措施(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="185"/>
        <source>Pr&amp;int report…</source>
        <translation>打印检查报告(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="190"/>
        <source>Inspection &amp;wizard…</source>
        <translation>检查向导(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="191"/>
        <source>&amp;Follow-up visit…</source>
        <translation>复查(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="192"/>
        <source>Attach&amp;ments…</source>
        <translation>附件(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="194"/>
        <source>Ca&amp;ncel inspection…</source>
        <translation>取消检查(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="204"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="205"/>
        <source>Planned on</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="206"/>
        <source>Inspected on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="207"/>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="221"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="209"/>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="355"/>
        <source>Only a planned inspection can be cancelled</source>
        <translation>只有计划中的检查可以取消</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="394"/>
        <source>Cancel inspection</source>
        <translation>取消检查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="395"/>
        <source>Cancel the inspection of %1 planned for %2? A cancelled inspection stays in the list but its visit can no longer be recorded.</source>
        <translation>取消%1计划于%2的检查？已取消的检查仍保留在列表中，但不能再登记其检查情况。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="441"/>
        <source>Hazard: %1 at %2</source>
        <translation>隐患：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="444"/>
        <source>Inspection: %1 · planned %2</source>
        <translation>检查：%1 · 计划 %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="208"/>
        <source>Open hazards</source>
        <translation>未整改隐患</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="217"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="219"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="220"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="222"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="229"/>
        <source>Hazards of the selected inspection</source>
        <translation>所选检查发现的隐患</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="292"/>
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>%n 次检查</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="359"/>
        <source>Select an inspection to see its hazards.</source>
        <translation>选择一次检查以查看其发现的隐患。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="361"/>
        <source>Record the visit first: hazards are findings of an inspection that took place.</source>
        <translation>请先登记检查结果：隐患是已进行的检查中发现的问题。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="363"/>
        <source>This inspection was cancelled.</source>
        <translation>此次检查已取消。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="367"/>
        <source>No hazards recorded for this inspection.</source>
        <translation>此次检查未登记隐患。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="369"/>
        <source>Select a hazard to add a corrective action to it.</source>
        <translation>选择一项隐患以添加整改措施。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="365"/>
        <source>Reading the hazards…</source>
        <translation>正在读取隐患…</translation>
    </message>
</context>
<context>
    <name>KeyExportDialog</name>
    <message>
        <location filename="../../injury_desk/ui/key_export_dialog.py" line="33"/>
        <location filename="../../injury_desk/ui/key_export_dialog.py" line="75"/>
        <source>Export database key</source>
        <translation>导出数据库密钥</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/key_export_dialog.py" line="35"/>
        <source>The database and its backups are encrypted with a key kept in this computer&apos;s keyring. This export lets you open them on another computer, or after the keyring is lost. Keep the file and its passphrase apart from this computer. If both the key in the keyring and this export are lost, the data is lost: no one can read the database or its backups again.</source>
        <translation>数据库及其备份已用保存在本机密钥环中的密钥加密。此导出文件可让您在另一台电脑上，或在密钥环丢失后打开它们。请将该文件及其口令与本机分开保管。如果密钥环中的密钥和此导出文件都丢失，数据即告丢失：任何人都无法再读取数据库或其备份。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/key_export_dialog.py" line="43"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/key_export_dialog.py" line="55"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/key_export_dialog.py" line="56"/>
        <source>Passphrase (at least 12 characters)</source>
        <translation>口令（至少 12 个字符）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/key_export_dialog.py" line="57"/>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/key_export_dialog.py" line="63"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/key_export_dialog.py" line="76"/>
        <source>Key exports (*.json)</source>
        <translation>密钥导出文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/key_export_dialog.py" line="92"/>
        <source>Database key exported</source>
        <translation>数据库密钥已导出</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/key_export_dialog.py" line="93"/>
        <source>The key was written to %1. Store it apart from this computer, with its passphrase kept separately: losing both the keyring&apos;s key and this file loses the data.</source>
        <translation>密钥已写入 %1。请将其与本机分开存放，口令另行保管：密钥环中的密钥和此文件都丢失，数据即告丢失。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="10"/>
        <location filename="../../injury_desk/ui/messages.py" line="24"/>
        <source>Reported</source>
        <translation>已报告</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="11"/>
        <source>Application received</source>
        <translation>已收到申请</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="12"/>
        <source>Determination</source>
        <translation>工伤认定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="13"/>
        <source>Appraisal</source>
        <translation>劳动能力鉴定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="14"/>
        <source>Assessment</source>
        <translation>待遇核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="15"/>
        <source>Payment</source>
        <translation>待遇支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="16"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="19"/>
        <location filename="../../injury_desk/catalogue/labels.py" line="87"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="20"/>
        <location filename="../../injury_desk/catalogue/labels.py" line="86"/>
        <source>The injured worker</source>
        <translation>受伤职工本人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="21"/>
        <location filename="../../injury_desk/catalogue/labels.py" line="88"/>
        <source>A close relative</source>
        <translation>近亲属</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="22"/>
        <location filename="../../injury_desk/catalogue/labels.py" line="89"/>
        <source>Trade union</source>
        <translation>工会组织</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="25"/>
        <source>Recognised as work-related injury</source>
        <translation>认定为工伤</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="26"/>
        <source>Deemed work-related injury</source>
        <translation>视同工伤</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="27"/>
        <source>Not recognised</source>
        <translation>不予认定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="30"/>
        <source>Caseworker</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="31"/>
        <source>Supervisor</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="32"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="35"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="36"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="39"/>
        <source>Record the application (who applies, date received)</source>
        <translation>登记申请（申请人、收到日期）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="40"/>
        <source>Accept the application</source>
        <translation>受理申请</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="42"/>
        <source>Record the injury determination</source>
        <translation>登记工伤认定结论</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="43"/>
        <source>Request the disability appraisal</source>
        <translation>申请劳动能力鉴定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="44"/>
        <source>Record the appraisal conclusion</source>
        <translation>登记劳动能力鉴定结论</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="45"/>
        <source>Propose the benefit assessment</source>
        <translation>提交待遇核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="46"/>
        <source>A supervisor approves the assessment</source>
        <translation>由审核人审核待遇核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="47"/>
        <source>Record the payments</source>
        <translation>登记待遇支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="48"/>
        <source>Close the claim</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="49"/>
        <source>Nothing: the claim is closed</source>
        <translation>无：已结案</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="53"/>
        <source>Application (Art. 17)</source>
        <translation>申请（第十七条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="55"/>
        <source>Decision (Art. 20)</source>
        <translation>认定决定（第二十条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="56"/>
        <source>Appraisal (Art. 25)</source>
        <translation>鉴定（第二十五条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="41"/>
        <source>Wait for the missing documents, then record their arrival</source>
        <translation>等待补正材料，收到后登记</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="52"/>
        <source>Employer&apos;s application (Art. 17)</source>
        <translation>用人单位申请（第十七条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="54"/>
        <source>Acceptance (Measures Art. 8)</source>
        <translation>受理（《工伤认定办法》第八条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="57"/>
        <source>Re-appraisal request (Art. 26)</source>
        <translation>申请再次鉴定（第二十六条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="58"/>
        <source>Review possible (Art. 28)</source>
        <translation>可申请复查鉴定（第二十八条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="59"/>
        <source>End of suspension period (Art. 33)</source>
        <translation>停工留薪期届满（第三十三条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="60"/>
        <source>Administrative reconsideration</source>
        <translation>行政复议</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="61"/>
        <source>Administrative lawsuit</source>
        <translation>行政诉讼</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="62"/>
        <source>A dependant&apos;s pension ends</source>
        <translation>供养亲属抚恤金终止</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="65"/>
        <source>Regulation Art. 17 para. 1: employer, 30 days (extendable on approval)</source>
        <translation>《工伤保险条例》第十七条第一款：用人单位30日（经批准可延长）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="66"/>
        <source>Regulation Art. 17 para. 2: worker, close relatives or union, 1 year</source>
        <translation>《工伤保险条例》第十七条第二款：职工、近亲属或工会1年</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="67"/>
        <source>Determination Measures Art. 8: 15 days from receipt or from complete documents</source>
        <translation>《工伤认定办法》第八条：收到申请或补正材料之日起15日</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="68"/>
        <source>Regulation Art. 20: 60 days from acceptance (15 for clear cases), suspensions added</source>
        <translation>《工伤保险条例》第二十条：受理之日起60日（事实清楚的15日），中止期间不计</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="69"/>
        <source>Regulation Art. 25: 60 days from the request, extendable by 30</source>
        <translation>《工伤保险条例》第二十五条：申请之日起60日，可延长30日</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="70"/>
        <source>Regulation Art. 26: 15 days from receiving the conclusion</source>
        <translation>《工伤保险条例》第二十六条：收到鉴定结论之日起15日</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="71"/>
        <source>Regulation Art. 28: one year after the conclusion</source>
        <translation>《工伤保险条例》第二十八条：鉴定结论作出之日起1年后</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="72"/>
        <source>Regulation Art. 33: 12 months, extendable to 24</source>
        <translation>《工伤保险条例》第三十三条：12个月，最长可延至24个月</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="73"/>
        <source>Regulation Art. 55; Administrative Reconsideration Law Art. 20: 60 days</source>
        <translation>《工伤保险条例》第五十五条；《行政复议法》第二十条：60日</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="74"/>
        <source>Regulation Art. 55; Administrative Litigation Law Art. 46: 6 months</source>
        <translation>《工伤保险条例》第五十五条；《行政诉讼法》第四十六条：6个月</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="75"/>
        <source>Provisions on Dependants Art. 4: at 18 unless completely unable to work; employment, enlistment, remarriage, adoption, death</source>
        <translation>《因工死亡职工供养亲属范围规定》第四条：年满18周岁且未完全丧失劳动能力；就业或参军；再婚；被收养；死亡</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="78"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="79"/>
        <source>This week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="80"/>
        <source>Later</source>
        <translation>稍后到期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="81"/>
        <source>Paused</source>
        <translation>已中止</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="82"/>
        <source>Expired</source>
        <translation>已届满</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="83"/>
        <source>Possible now</source>
        <translation>现可申请</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="92"/>
        <source>Acceptance notice</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="93"/>
        <source>Missing documents notice</source>
        <translation>补正材料通知书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="94"/>
        <source>Not-accepted notice</source>
        <translation>不予受理决定书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="95"/>
        <source>Determination decision</source>
        <translation>工伤认定决定书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="96"/>
        <source>Not-recognised decision</source>
        <translation>不予认定工伤决定书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="97"/>
        <source>Appraisal conclusion</source>
        <translation>劳动能力鉴定结论</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="98"/>
        <source>Re-appraisal conclusion</source>
        <translation>再次鉴定结论</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="99"/>
        <source>Appraisal request</source>
        <translation>劳动能力鉴定申请</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="100"/>
        <source>Re-appraisal request</source>
        <translation>再次鉴定申请</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="103"/>
        <source>Application form</source>
        <translation>工伤认定申请表</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="104"/>
        <source>Labour contract or proof of employment</source>
        <translation>劳动合同或劳动关系证明</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="105"/>
        <source>Medical record or diagnosis</source>
        <translation>医疗诊断证明或病历</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="106"/>
        <source>ID card copy</source>
        <translation>身份证复印件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="107"/>
        <source>Witness statement</source>
        <translation>证人证言</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="108"/>
        <source>Police or traffic accident report</source>
        <translation>公安机关或交通事故认定书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="109"/>
        <source>Death certificate</source>
        <translation>死亡证明</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="110"/>
        <source>Occupational disease diagnosis certificate</source>
        <translation>职业病诊断证明书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="111"/>
        <source>Decision</source>
        <translation>决定书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="112"/>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="113"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="114"/>
        <source>Other document</source>
        <translation>其他材料</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="117"/>
        <source>Occupational disease: diagnosis or appraisal date…</source>
        <translation>职业病：诊断或鉴定日期…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="118"/>
        <source>Employer&apos;s extension approved…</source>
        <translation>用人单位申请时限延长已批准…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="119"/>
        <source>Notice of missing documents…</source>
        <translation>补正材料通知…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="120"/>
        <source>Missing documents received…</source>
        <translation>已收到补正材料…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="121"/>
        <source>Application not accepted…</source>
        <translation>不予受理…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="122"/>
        <source>Suspend the determination (Art. 20)…</source>
        <translation>中止工伤认定（第二十条）…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="123"/>
        <source>Resume the determination…</source>
        <translation>恢复工伤认定…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="124"/>
        <source>Delivery of a decision or notice…</source>
        <translation>文书送达…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="126"/>
        <source>Start of the suspension period (Art. 33)…</source>
        <translation>停工留薪期开始（第三十三条）…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="127"/>
        <source>Suspension period extended…</source>
        <translation>停工留薪期延长…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="128"/>
        <source>End of the suspension period…</source>
        <translation>停工留薪期结束…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="129"/>
        <source>New appraisal conclusion (re-appraisal or review)…</source>
        <translation>新的鉴定结论（再次鉴定或复查鉴定）…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="130"/>
        <source>Death of the worker (Art. 39)…</source>
        <translation>职工因工死亡（第三十九条）…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="133"/>
        <source>Claim registered</source>
        <translation>案件已登记</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="134"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="135"/>
        <source>Application recorded</source>
        <translation>已登记申请</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="136"/>
        <source>Application accepted</source>
        <translation>申请已受理</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="137"/>
        <source>Injury determination recorded</source>
        <translation>已登记工伤认定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="138"/>
        <source>Appraisal requested</source>
        <translation>已申请劳动能力鉴定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="139"/>
        <source>Appraisal period extended</source>
        <translation>鉴定期限已延长</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="140"/>
        <source>Appraisal conclusion recorded</source>
        <translation>已登记鉴定结论</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="141"/>
        <source>Claim closed</source>
        <translation>案件已结案</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="142"/>
        <source>Claim deleted</source>
        <translation>案件已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="143"/>
        <source>Wages recorded</source>
        <translation>已登记工资</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="144"/>
        <source>Benefits proposed</source>
        <translation>待遇已提出核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="145"/>
        <source>Benefits approved, payments scheduled</source>
        <translation>待遇已审批，已排定支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="146"/>
        <source>Proposal returned for changes</source>
        <translation>核定已退回修改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="147"/>
        <source>Payment recorded</source>
        <translation>已登记支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="148"/>
        <source>Diagnosis date recorded</source>
        <translation>已登记诊断日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="149"/>
        <source>Employer&apos;s extension recorded</source>
        <translation>已登记用人单位延期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="150"/>
        <source>Missing documents requested</source>
        <translation>已通知补正材料</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="151"/>
        <source>Missing documents received</source>
        <translation>已收到补正材料</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="152"/>
        <source>Application not accepted</source>
        <translation>申请不予受理</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="153"/>
        <source>Determination suspended</source>
        <translation>工伤认定已中止</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="154"/>
        <source>Determination resumed</source>
        <translation>工伤认定已恢复</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="155"/>
        <source>Delivery recorded</source>
        <translation>已登记送达</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="156"/>
        <source>Suspension period started</source>
        <translation>停工留薪期已开始</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="157"/>
        <source>Suspension period extended</source>
        <translation>停工留薪期已延长</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="158"/>
        <source>Suspension period ended</source>
        <translation>停工留薪期已结束</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="159"/>
        <source>Dependant entered</source>
        <translation>已登记供养亲属</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="160"/>
        <source>Dependant changed</source>
        <translation>已修改供养亲属</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="161"/>
        <source>Dependant&apos;s pension ended</source>
        <translation>供养亲属抚恤金已终止</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="162"/>
        <source>Dependant removed</source>
        <translation>已删除供养亲属</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="163"/>
        <source>Cost proposed</source>
        <translation>已提出费用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="164"/>
        <source>Cost proposal changed</source>
        <translation>已修改费用申请</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="165"/>
        <source>Cost approved</source>
        <translation>费用已审批</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="166"/>
        <source>Cost returned for changes</source>
        <translation>费用已退回修改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="167"/>
        <source>Re-appraisal conclusion recorded</source>
        <translation>已登记再次鉴定结论</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="168"/>
        <source>Review conclusion recorded</source>
        <translation>已登记复查鉴定结论</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="169"/>
        <source>Document added</source>
        <translation>已添加材料</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="170"/>
        <source>Note added</source>
        <translation>已添加备注</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="171"/>
        <source>Numbered document issued</source>
        <translation>已出具编号文书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="172"/>
        <source>Document removed</source>
        <translation>已移除材料</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="175"/>
        <source>Art. 14 (1): injured in an accident at work, during working hours and at the workplace, for reasons of work</source>
        <translation>第十四条第（一）项：在工作时间和工作场所内，因工作原因受到事故伤害的</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="176"/>
        <source>Art. 14 (2): injured at the workplace just before or after working hours while preparing or finishing work</source>
        <translation>第十四条第（二）项：工作时间前后在工作场所内，从事与工作有关的预备性或者收尾性工作受到事故伤害的</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="177"/>
        <source>Art. 14 (3): injured by violence or another accident while performing work duties, during working hours at the workplace</source>
        <translation>第十四条第（三）项：在工作时间和工作场所内，因履行工作职责受到暴力等意外伤害的</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="178"/>
        <source>Art. 14 (4): suffering from an occupational disease</source>
        <translation>第十四条第（四）项：患职业病的</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="179"/>
        <source>Art. 14 (5): injured for reasons of work, or missing after an accident, while away on work</source>
        <translation>第十四条第（五）项：因工外出期间，由于工作原因受到伤害或者发生事故下落不明的</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="180"/>
        <source>Art. 14 (6): injured on the way to or from work in a traffic, urban rail, ferry or train accident not mainly of their own fault</source>
        <translation>第十四条第（六）项：在上下班途中，受到非本人主要责任的交通事故或者城市轨道交通、客运轮渡、火车事故伤害的</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="181"/>
        <source>Art. 14 (7): other situations that laws and administrative regulations recognise as a work-related injury</source>
        <translation>第十四条第（七）项：法律、行政法规规定应当认定为工伤的其他情形</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="182"/>
        <source>Art. 15 (1): died of a sudden illness during working hours at the post, or within 48 hours despite emergency treatment</source>
        <translation>第十五条第（一）项：在工作时间和工作岗位，突发疾病死亡或者在48小时之内经抢救无效死亡的</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="183"/>
        <source>Art. 15 (2): injured in rescue, disaster relief or other activities protecting national or public interests</source>
        <translation>第十五条第（二）项：在抢险救灾等维护国家利益、公共利益活动中受到伤害的</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="184"/>
        <source>Art. 15 (3): a disabled veteran holding the revolutionary disabled serviceman&apos;s certificate whose old wound recurred after joining the employer</source>
        <translation>第十五条第（三）项：职工原在军队服役，因战、因公负伤致残，已取得革命伤残军人证，到用人单位后旧伤复发的</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="185"/>
        <source>Art. 16 (1): committing an intentional crime</source>
        <translation>第十六条第（一）项：故意犯罪的</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="186"/>
        <source>Art. 16 (2): drunkenness or drug use</source>
        <translation>第十六条第（二）项：醉酒或者吸毒的</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="187"/>
        <source>Art. 16 (3): self-harm or suicide</source>
        <translation>第十六条第（三）项：自残或者自杀的</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="188"/>
        <source>None of the situations of Arts. 14 and 15 applies</source>
        <translation>不符合第十四条、第十五条规定的情形</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="404"/>
        <source>Re-appraisal by the provincial committee (Art. 26)</source>
        <translation>省级劳动能力鉴定委员会再次鉴定（第二十六条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="405"/>
        <source>Review after a year (Art. 28)</source>
        <translation>满一年后的复查鉴定（第二十八条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="125"/>
        <source>Re-appraisal request (Art. 26)…</source>
        <translation>申请再次鉴定（第二十六条）…</translation>
    </message>
</context>
<context>
    <name>LazyPage</name>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="168"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>LegalBasis</name>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="58"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 14</source>
        <translation>《工伤保险条例》（2010年修订）第十四条</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="59"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 15(1)</source>
        <translation>《工伤保险条例》（2010年修订）第十五条第一款第（一）项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="60"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 15(2)</source>
        <translation>《工伤保险条例》（2010年修订）第十五条第一款第（二）项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="61"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 15(3)</source>
        <translation>《工伤保险条例》（2010年修订）第十五条第一款第（三）项、第二款</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="62"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 30</source>
        <translation>《工伤保险条例》（2010年修订）第三十条</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="63"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 33</source>
        <translation>《工伤保险条例》（2010年修订）第三十三条</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="64"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 34</source>
        <translation>《工伤保险条例》（2010年修订）第三十四条</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="65"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 35</source>
        <translation>《工伤保险条例》（2010年修订）第三十五条</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="66"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 35 para. 2; Social Insurance Law Art. 40</source>
        <translation>《工伤保险条例》（2010年修订）第三十五条第二款；《中华人民共和国社会保险法》第四十条</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="67"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 36</source>
        <translation>《工伤保险条例》（2010年修订）第三十六条</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="68"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 37</source>
        <translation>《工伤保险条例》（2010年修订）第三十七条</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="69"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Arts. 35, 36: an allowance below the local minimum wage is made up to it</source>
        <translation>《工伤保险条例》（2010年修订）第三十五条、第三十六条：伤残津贴低于当地最低工资标准的，补足差额</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="70"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Arts. 36, 37; Social Insurance Law Art. 38</source>
        <translation>《工伤保险条例》（2010年修订）第三十六条、第三十七条；《中华人民共和国社会保险法》第三十八条</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="71"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Arts. 36, 37; Social Insurance Law Art. 39</source>
        <translation>《工伤保险条例》（2010年修订）第三十六条、第三十七条；《中华人民共和国社会保险法》第三十九条</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="72"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 39(1)</source>
        <translation>《工伤保险条例》（2010年修订）第三十九条第一款第（一）项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="73"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 39(2)</source>
        <translation>《工伤保险条例》（2010年修订）第三十九条第一款第（二）项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="74"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 39(3)</source>
        <translation>《工伤保险条例》（2010年修订）第三十九条第一款第（三）项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="75"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 39 last paragraph</source>
        <translation>《工伤保险条例》（2010年修订）第三十九条第三款</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="77"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 64</source>
        <translation>《工伤保险条例》（2010年修订）第六十四条</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="76"/>
        <source>Regulation on Work-Related Injury Insurance (2010) Art. 40</source>
        <translation>《工伤保险条例》（2010年修订）第四十条</translation>
    </message>
</context>
<context>
    <name>LineItemsTab</name>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="41"/>
        <source>Line items</source>
        <translation>待遇明细</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="47"/>
        <source>Benefit</source>
        <translation>待遇项目</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="47"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="47"/>
        <source>Period</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="48"/>
        <source>Payer</source>
        <translation>支付方</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="48"/>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="115"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="48"/>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="115"/>
        <source>Formula</source>
        <translation>计算公式</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="72"/>
        <source>Select a line item to see its full formula, inputs and legal basis.</source>
        <translation>选择一项待遇，查看完整计算公式、计算参数和法律依据。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="99"/>
        <source>No calculation yet.</source>
        <translation>尚未计算。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="101"/>
        <source>Total once: %1 yuan · total monthly: %2 yuan (the wage base counts in neither)</source>
        <translation>一次性合计：%1 元 · 按月合计：%2 元（本人工资不计入）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="104"/>
        <source>Calculated with illustrative parameters, not official figures.</source>
        <translation>按示例参数计算，并非官方数据。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="115"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_items.py" line="116"/>
        <source>Inputs</source>
        <translation>输入数据</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../injury_desk/ui/login.py" line="31"/>
        <source>injury_desk — log in</source>
        <translation>injury_desk — 登录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/login.py" line="44"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/login.py" line="45"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/login.py" line="48"/>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/login.py" line="63"/>
        <source>&amp;Enrol this desktop…</source>
        <translation>登记本机(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/login.py" line="128"/>
        <source>There is no account on this desktop yet: enrol it first.</source>
        <translation>本机还没有任何账号：请先登记本机。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/login.py" line="75"/>
        <source>This desktop has no user accounts yet. Enrol it with the central sync service first: your office and its accounts then come down, and you log in with your usual account.</source>
        <translation>本机还没有用户账号。请先将本机登记到中心同步服务：所属经办机构及其账号随即下载到本机，然后用您平常的账号登录。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/login.py" line="104"/>
        <source>This desktop is enrolled (device %1) and has received its office. Log in with your account.</source>
        <translation>本机已登记（设备 %1），并已收到所属经办机构的数据。请用您的账号登录。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/login.py" line="109"/>
        <source>This desktop is enrolled, but the office&apos;s data did not arrive: %1</source>
        <translation>本机已登记，但未收到经办机构的数据：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/login.py" line="110"/>
        <source>&amp;Receive the office&apos;s data</source>
        <translation>接收经办机构的数据(&amp;R)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="296"/>
        <source>&amp;Import records…</source>
        <translation>导入记录(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="300"/>
        <source>E&amp;xport records…</source>
        <translation>导出记录(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="341"/>
        <source>Import records</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="353"/>
        <source>Export records</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="342"/>
        <location filename="../../injury_desk/ui/main_window.py" line="355"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines 文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="305"/>
        <source>Export database &amp;key…</source>
        <translation>导出数据库密钥(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="190"/>
        <source>injury_desk — %1</source>
        <translation>injury_desk — %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="204"/>
        <source>Claims</source>
        <translation>工伤申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="208"/>
        <source>Monthly run</source>
        <translation>按月发放</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="222"/>
        <source>Prevention</source>
        <translation>工伤预防</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="223"/>
        <source>Compensation</source>
        <translation>工伤补偿</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="224"/>
        <source>Rehabilitation</source>
        <translation>工伤康复</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="225"/>
        <source>Tasks</source>
        <translation>待办任务</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="226"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="231"/>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="281"/>
        <source>Employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="282"/>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="283"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="284"/>
        <source>Incidents</source>
        <translation>事故事件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="285"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="289"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="290"/>
        <source>&amp;New claim…</source>
        <translation>新建申报(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="309"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="312"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="313"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="316"/>
        <source>&amp;Find claim</source>
        <translation>查找申报(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="320"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="332"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="333"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="379"/>
        <source>About injury_desk</source>
        <translation>关于 injury_desk</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="380"/>
        <source>injury_desk %1
Database: %2</source>
        <translation>injury_desk %1
数据库：%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="384"/>
        <source>Office: %1 %2</source>
        <translation>经办机构：%1 %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="385"/>
        <source>User: %1 (%2)</source>
        <translation>用户：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="386"/>
        <source>Sync: not enrolled</source>
        <translation>同步：未登记</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/main_window.py" line="451"/>
        <source>Unsynced changes: %1</source>
        <translation>未同步的更改：%1</translation>
    </message>
</context>
<context>
    <name>MarkPaidDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="41"/>
        <source>Mark the payment paid</source>
        <translation>登记已支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="43"/>
        <source>%1: %2, %3 yuan to %4</source>
        <translation>%1：%2，%3元，支付给%4</translation>
    </message>
</context>
<context>
    <name>MeasurementDialog</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="280"/>
        <source>Record measurement</source>
        <translation>记录评估值</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="286"/>
        <source>&amp;Goal</source>
        <translation>目标(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="290"/>
        <source>&amp;Measured on</source>
        <translation>评估日期(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="291"/>
        <source>&amp;Value</source>
        <translation>数值(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="301"/>
        <source>Baseline %1 · target %2</source>
        <translation>基线 %1 · 目标 %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="304"/>
        <source>latest %1 on %2</source>
        <translation>最近 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="307"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../injury_desk/ui/form_dialog.py" line="95"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="222"/>
        <source>has the wrong type: %1 expected (got %2)</source>
        <translation>类型不对：应为 %1（实为 %2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="223"/>
        <source>contains a control character</source>
        <translation>含有控制字符</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="237"/>
        <source>holds the byte %1, which is not text in UTF-8, the encoding this program reads its arguments in</source>
        <translation>含有字节 %1，它不是 UTF-8 文本（本程序按 UTF-8 读取参数）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="224"/>
        <source>contains %1, which is not a character (half of a UTF-16 surrogate pair)</source>
        <translation>含有 %1，它不是有效字符（UTF-16 代理对的一半）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="224"/>
        <source>is not an id (got “%1”)</source>
        <translation>不是有效的标识（实为“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="225"/>
        <source>must be a time stamp with its time zone, like 2026-03-01T09:30:00+08:00 (got “%1”)</source>
        <translation>必须是带时区的时间，如 2026-03-01T09:30:00+08:00（实为“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="54"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="226"/>
        <source>must be a month like 2026-03 (got “%1”)</source>
        <translation>必须是月份，如 2026-03（实为“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="227"/>
        <source>write amounts with digits and a decimal point only, without commas (got “%1”)</source>
        <translation>金额只能用数字和小数点书写，不能有逗号（实为“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="228"/>
        <source>is beyond %1 yuan (got “%2”)</source>
        <translation>超过 %1 元（实为“%2”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="229"/>
        <source>is not valid JSON (%1)</source>
        <translation>不是有效的 JSON（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="230"/>
        <source>is not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="231"/>
        <source>“%1” is not a record type</source>
        <translation>“%1”不是记录类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="232"/>
        <source>is not a field of %1 records</source>
        <translation>不是 %1 记录的字段</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="233"/>
        <source>the id %1 is already taken</source>
        <translation>标识 %1 已被占用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="234"/>
        <source>no %1 of this office has the id %2</source>
        <translation>本机构没有标识为 %2 的 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="235"/>
        <source>“%1” is already taken</source>
        <translation>“%1”已被占用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="236"/>
        <source>%1 is a number of this desktop&apos;s own series (%2): leave the claim number out and one is given</source>
        <translation>%1 属于本机自动编号序列（%2）：请不填案件编号，由系统编号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="237"/>
        <source>the file %1 is not beside the import file</source>
        <translation>导入文件旁没有文件 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="238"/>
        <source>the file %1 does not match its hash</source>
        <translation>文件 %1 与其哈希值不符</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="239"/>
        <source>the file %1 does not have the size given</source>
        <translation>文件 %1 的大小与所给不符</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="240"/>
        <source>cannot read %1 (%2)</source>
        <translation>无法读取 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="241"/>
        <source>%1 is not a regular file (a pipe, a device or a folder): import reads a JSON Lines file saved on disk, so save the data to a file first</source>
        <translation>%1 不是普通文件（而是管道、设备或文件夹）：导入只读取保存在磁盘上的 JSON Lines 文件，请先把数据保存为文件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="241"/>
        <source>the decision (%1) cannot be before the accident (%2)</source>
        <translation>认定日期（%1）不能早于事故日期（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="242"/>
        <source>the claim cannot be at “%1” with the records given</source>
        <translation>依所给记录，案件不能处于“%1”</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="243"/>
        <source>cancelled: nothing was changed</source>
        <translation>已取消：未作任何更改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="244"/>
        <source>cannot write %1 (%2)</source>
        <translation>无法写入 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="245"/>
        <source>%1 is the office&apos;s database, its journal or the name of its key: nothing is ever written over it</source>
        <translation>%1 是本机构的数据库、其日志文件或其密钥名称文件：绝不会被覆盖</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="246"/>
        <source>%1 is in the backups folder: nothing is ever written there</source>
        <translation>%1 位于备份文件夹中：不会向其中写入任何内容</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="247"/>
        <source>%1 is one of the files the application keeps in its data folder (its lock, settings, logs or process markers): nothing is written over it</source>
        <translation>%1 是本程序在其数据文件夹中保存的文件之一（锁文件、设置、日志或进程标记）：不会覆盖它</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="256"/>
        <source>%1 exists and is not a regular file (a device, a pipe or a socket): nothing is written over it</source>
        <translation>%1 已存在且不是普通文件（设备、管道或套接字）：不会写在它上面</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="264"/>
        <source>%1 is a folder, not a file: nothing was written over it</source>
        <translation>%1 是文件夹而不是文件：没有写在它上面</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="247"/>
        <source>there is no database at %1</source>
        <translation>%1 处没有数据库</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="248"/>
        <source>another injury-desk process is writing: %1 (pid %2), started %3</source>
        <translation>另一个 injury-desk 进程正在写入：%1（进程号 %2），开始于 %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="61"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="210"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="249"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="257"/>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="152"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="211"/>
        <source>is too long: at most %1 characters (now %2)</source>
        <translation>过长：最多 %1 个字符（现为 %2 个）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="72"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="212"/>
        <source>must be a date like 2026-03-01 (got “%1”)</source>
        <translation>须为日期，如 2026-03-01（输入的是“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="213"/>
        <source>cannot be in the future (%1 is after today, %2)</source>
        <translation>不能是将来的日期（%1 晚于今天 %2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="214"/>
        <source>must be a whole number (got “%1”)</source>
        <translation>须为整数（输入的是“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="74"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="215"/>
        <source>must be between %1 and %2 (got %3)</source>
        <translation>须在 %1 至 %2 之间（输入的是 %3）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="119"/>
        <source>the characters %1 (%2) cannot be printed: none of the printing fonts has them, and a name must not print with a gap; nothing was printed. Tell support which characters they are</source>
        <translation>字符 %1（%2）无法打印：所有打印字体都没有这些字，而姓名不得缺字打印；本次未打印任何内容。请将这些字符告知技术支持</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="216"/>
        <source>must be yes or no (got “%1”)</source>
        <translation>须为“是”或“否”（输入的是“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="217"/>
        <source>“%1” is not one of the allowed values</source>
        <translation>“%1”不是允许的取值</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="218"/>
        <source>must be a time like 09:30 (got “%1”)</source>
        <translation>须为时间，如 09:30（输入的是“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="219"/>
        <source>must be an amount in yuan like 1234.56 (got “%1”)</source>
        <translation>须为以元为单位的金额，如 1234.56（输入的是“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="220"/>
        <source>cannot be negative (got %1)</source>
        <translation>不能为负数（输入的是 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="221"/>
        <source>cannot have more than two decimals (got %1)</source>
        <translation>最多两位小数（输入的是 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="250"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="258"/>
        <source>must have %1 characters (now %2)</source>
        <translation>须为 %1 位（现为 %2 位）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="251"/>
        <source>may contain only digits, and X as the last character</source>
        <translation>只能包含数字，末位可以是 X</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="252"/>
        <source>starts with an unknown region code %1</source>
        <translation>开头的行政区划代码 %1 不存在</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="253"/>
        <source>contains an impossible birth date (%1)</source>
        <translation>含有不可能的出生日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="254"/>
        <source>contains a birth date before %1</source>
        <translation>含有早于 %1 的出生日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="255"/>
        <source>contains a birth date in the future (%1)</source>
        <translation>含有将来的出生日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="256"/>
        <source>has a wrong check digit (GB 11643): please re-read the ID card</source>
        <translation>校验码错误（GB 11643）：请重新核对居民身份证</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="259"/>
        <source>contains characters not used in credit codes: %1</source>
        <translation>含有统一社会信用代码不使用的字符：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="260"/>
        <source>has a wrong check character (GB 32100): please re-read the licence</source>
        <translation>校验码错误（GB 32100）：请重新核对营业执照</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="261"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="262"/>
        <source>does not match the ID number (the ID number says %1)</source>
        <translation>与居民身份证号码不符（身份证号码显示为 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="263"/>
        <source>belongs to a person already registered</source>
        <translation>已被其他已登记人员使用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="264"/>
        <source>differs from the registered name “%1” for this ID number</source>
        <translation>与该身份证号码已登记的姓名“%1”不一致</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="265"/>
        <source>no such person</source>
        <translation>查无此人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="266"/>
        <source>is not a known employer</source>
        <translation>不是已登记的用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="267"/>
        <source>choose an existing employer or enter a new one</source>
        <translation>请选择已登记的用人单位或录入新的用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="268"/>
        <source>belongs to an employer already registered</source>
        <translation>已被其他已登记的用人单位使用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="269"/>
        <source>is before the worker&apos;s birth date (%1)</source>
        <translation>早于职工的出生日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="270"/>
        <source>this worker already has claim %1 for an accident on this date</source>
        <translation>该职工在此日期的事故已有申报 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="271"/>
        <source>a deleted claim %1 exists for this worker and accident date; ask a supervisor about it instead of entering it again</source>
        <translation>该职工在此事故日期有一件已删除的申报 %1；请向审核人咨询，不要重复录入</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="272"/>
        <source>give both who applies and the date received</source>
        <translation>请同时填写申请人和收到日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="273"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="349"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="362"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="377"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="385"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="397"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="402"/>
        <source>cannot be before the accident (%1)</source>
        <translation>不能早于事故日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="274"/>
        <source>the application arrived %1 days after the deadline %2 (%3)</source>
        <translation>申请在时限 %2（%3）后 %1 天才收到</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="275"/>
        <source>a claim cannot go from %1 to %2</source>
        <translation>申报不能从“%1”转为“%2”</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="276"/>
        <source>who applies is required</source>
        <translation>申请人为必填项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="277"/>
        <source>the date the application was received is required</source>
        <translation>收到申请日期为必填项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="278"/>
        <source>the acceptance date is required</source>
        <translation>受理日期为必填项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="279"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="340"/>
        <source>cannot be before the application was received (%1)</source>
        <translation>不能早于收到申请的日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="280"/>
        <source>record the determination first</source>
        <translation>请先登记工伤认定结论</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="281"/>
        <source>the decision date is required</source>
        <translation>认定日期为必填项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="282"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="343"/>
        <source>cannot be before the acceptance (%1)</source>
        <translation>不能早于受理日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="283"/>
        <source>the injury was not recognised: the claim can only be closed</source>
        <translation>不予认定为工伤：该申报只能结案</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="284"/>
        <source>a recognised injury is closed after payment, not after the decision</source>
        <translation>认定为工伤的申报应在待遇支付后结案，而不是在认定决定后</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="285"/>
        <source>a fatal case has no disability appraisal</source>
        <translation>工亡案件无需劳动能力鉴定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="286"/>
        <source>the appraisal request date is required</source>
        <translation>鉴定申请日期为必填项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="287"/>
        <source>cannot be before the decision (%1)</source>
        <translation>不能早于认定日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="288"/>
        <source>this claim needs a disability appraisal first</source>
        <translation>该申报须先进行劳动能力鉴定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="289"/>
        <source>the appraisal conclusion date is required</source>
        <translation>鉴定结论日期为必填项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="290"/>
        <source>cannot be before the appraisal request (%1)</source>
        <translation>不能早于鉴定申请日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="291"/>
        <source>must be between %1 and %2</source>
        <translation>须在 %1 至 %2 之间</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="292"/>
        <source>the benefit assessment must be approved first</source>
        <translation>待遇核定须先审核通过</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="293"/>
        <source>not possible while the claim is in status %1</source>
        <translation>申报处于“%1”状态时无法操作</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="294"/>
        <source>the appraisal period was already extended once (Art. 25)</source>
        <translation>鉴定期限已延长过一次（第二十五条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="295"/>
        <source>the claim does not exist or was deleted</source>
        <translation>该申报不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="296"/>
        <source>claim number %1 is already used</source>
        <translation>申报编号 %1 已被使用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="297"/>
        <source>someone changed this record after you opened it; reopen it to see the change</source>
        <translation>您打开此记录后已有人修改；请重新打开查看修改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="298"/>
        <source>the claim cannot be closed while payments are still scheduled (%1, the next due on %2): record them as paid or cancel them first</source>
        <translation>仍有待支付的款项（%1 笔，最近一笔于 %2 到期），申报不能结案：请先登记支付或取消这些款项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="299"/>
        <source>the claim cannot be closed while rehabilitation cases are still open (%1): close them first</source>
        <translation>仍有未结束的康复案件（%1 件），申报不能结案：请先结束这些案件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="301"/>
        <source>this record belongs to another office</source>
        <translation>此记录属于其他经办机构</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="302"/>
        <source>unknown user name or wrong password</source>
        <translation>用户名不存在或密码错误</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="303"/>
        <source>is not a known role</source>
        <translation>不是已知的角色</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="304"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="323"/>
        <source>must have at least %1 characters</source>
        <translation>至少须有 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="305"/>
        <source>is already taken</source>
        <translation>已被占用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="306"/>
        <source>The database %1 is on a network drive. SQLite is not safe there: use a folder on this computer&apos;s own disk.</source>
        <translation>数据库 %1 位于网络驱动器上，SQLite 在网络驱动器上不安全：请使用本机磁盘上的文件夹。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="307"/>
        <source>The database %1 is damaged (%2). It was left untouched: restore a backup.</source>
        <translation>数据库 %1 已损坏（%2），未作任何改动：请恢复备份。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="308"/>
        <source>%1 is a database of another program. It was left untouched.</source>
        <translation>%1 是其他程序的数据库，未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="309"/>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="332"/>
        <source>The folder %1 cannot be written (%2). injury_desk writes its database and the database&apos;s journal, lock and backup files in the data folder, even to read the database: make the folder writable, or choose another data folder.</source>
        <translation>无法写入文件夹 %1（%2）。injury_desk 在数据文件夹中写入其数据库以及数据库的日志、锁和备份文件，即使只读取数据库也是如此：请使该文件夹可写，或选择另一个数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="333"/>
        <source>The database file %1 cannot be both read and written by you (its permissions). Nothing was changed: give your user read and write access to it.</source>
        <translation>您无法同时读取和写入数据库文件 %1（其权限所致）。未作任何更改：请为您的用户授予对它的读写权限。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="334"/>
        <source>%1 could not be used: the computer refused it (%2). Check the permissions of that file and of its folder.</source>
        <translation>无法使用 %1：计算机拒绝了访问（%2）。请检查该文件及其所在文件夹的权限。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="335"/>
        <source>%1 could not be used (%2).</source>
        <translation>无法使用 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="336"/>
        <source>The database stayed locked by another process (%1) longer than injury_desk waits for it, so nothing was changed: try again when that process has finished.</source>
        <translation>数据库被另一个进程（%1）锁定的时间超过了 injury_desk 的等待时间，因此未做任何更改：请在该进程结束后重试。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="337"/>
        <source>Another task of injury_desk (an import, a sync or a save) kept the database busy longer than a save waits for it, so nothing was changed: try again when that task has finished.</source>
        <translation>injury_desk 的另一项任务（导入、同步或保存）占用数据库的时间超过了保存的等待时间，因此未做任何更改：请在该任务完成后重试。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="337"/>
        <source>The database stayed locked by another program longer than injury_desk waits for it, so nothing was changed: close any other program that has it open, then try again.</source>
        <translation>数据库被另一个程序锁定的时间超过了 injury_desk 的等待时间，因此未做任何更改：请关闭打开该数据库的其他程序，然后重试。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="336"/>
        <source>The disk holding %1 did not take what the command wrote (%2): it is full, your quota on it is used up, or the disk is failing. The command stopped, and what it had not finished was not saved: free some space (or check the disk) and run it again.</source>
        <translation>存放 %1 的磁盘未能写入命令所写的内容（%2）：磁盘已满、您在该磁盘上的配额已用完，或磁盘出现故障。命令已停止，尚未完成的部分没有保存：请腾出一些空间（或检查磁盘）后重新运行。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="310"/>
        <source>The folder %1 cannot be used: %2 is a file, not a folder.</source>
        <translation>无法使用文件夹 %1：%2 是文件，不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="310"/>
        <source>%1 is not a database file, or it is an encrypted database whose key this computer does not have (restore its key with “injury-desk key import”). It was left untouched.</source>
        <translation>%1 不是数据库文件，或是本机没有其密钥的加密数据库（请用“injury-desk key import”恢复其密钥）。该文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="311"/>
        <source>The database %1 is encrypted, and this computer&apos;s keyring does not hold its key. Restore the key from its export file (“injury-desk key import”). The database was left untouched.</source>
        <translation>数据库 %1 已加密，而本机的密钥环中没有它的密钥。请从密钥导出文件恢复密钥（“injury-desk key import”）。数据库未被改动。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="312"/>
        <source>The database %1 cannot be read with the key in this computer&apos;s keyring: it is damaged, or it was encrypted with another key (restore that key with “injury-desk key import”). It was left untouched.</source>
        <translation>无法用本机密钥环中的密钥读取数据库 %1：文件已损坏，或是用另一个密钥加密的（请用“injury-desk key import”恢复该密钥）。数据库未被改动。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="313"/>
        <source>The database %1 could not be encrypted (%2). The unencrypted database was left as it was; nothing was lost.</source>
        <translation>无法加密数据库 %1（%2）。未加密的数据库保持原样，没有丢失任何数据。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="314"/>
        <source>The file %1, which names the database key in the keyring, is damaged. Restore it from a copy of the data folder, or import the key export again.</source>
        <translation>文件 %1（记录密钥环中数据库密钥的名称）已损坏。请从数据文件夹的副本恢复它，或重新导入密钥导出文件。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="315"/>
        <source>The data folder %1 is outside your Windows user profile (%2), where other users of this computer could read it. Choose a folder inside your profile.</source>
        <translation>数据文件夹 %1 不在您的 Windows 用户配置文件夹（%2）内，本机其他用户可能读取它。请选择您配置文件夹内的文件夹。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="316"/>
        <source>The data folder %1 can be read by %2 as well as by you. Remove those entries in the folder&apos;s Properties → Security, or choose a folder inside your Windows user profile that only you can read.</source>
        <translation>除您之外，%2 也能读取数据文件夹 %1。请在该文件夹的“属性 → 安全”中删除这些条目，或选择您 Windows 用户配置文件夹内只有您能读取的文件夹。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="317"/>
        <source>The database %1 is not encrypted, so it has no key to export.</source>
        <translation>数据库 %1 未加密，没有可导出的密钥。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="318"/>
        <source>This computer has no secure credential store (keyring; found %1). The database key and the sync credential are never kept in a plain file: on Windows use Credential Manager; on Linux run a Secret Service keyring (GNOME Keyring or KWallet) in your desktop session.</source>
        <translation>本机没有安全的凭据存储（密钥环；找到的是 %1）。数据库密钥和同步凭据从不保存在普通文件中：Windows 上请使用凭据管理器；Linux 上请在桌面会话中运行 Secret Service 密钥环（GNOME Keyring 或 KWallet）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="319"/>
        <source>The only credential store on this computer (%1) keeps secrets unencrypted in a file, which injury_desk refuses. Use the operating system&apos;s keyring: Windows Credential Manager, or on Linux GNOME Keyring or KWallet.</source>
        <translation>本机唯一的凭据存储（%1）把机密未加密地保存在文件中，injury_desk 拒绝使用。请使用操作系统的密钥环：Windows 凭据管理器，或 Linux 上的 GNOME Keyring 或 KWallet。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="162"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="320"/>
        <source>The secure credential store (keyring) refused access (%1).</source>
        <translation>安全凭据存储（密钥环）拒绝访问（%1）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="321"/>
        <source>The audit key of this database (device %1) is not in this computer&apos;s keyring, so no change can be audited. Restore it with “injury-desk key import” from a key export of this database; nothing was changed.</source>
        <translation>本机密钥环中没有此数据库（设备 %1）的审计密钥，因此无法审计任何更改。请用“injury-desk key import”从此数据库的密钥导出文件恢复它；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="322"/>
        <source>The audit log of this database (device %1) was wiped or replaced: none of its %2 events carries this computer&apos;s audit key. Run “injury-desk check” and restore a backup; nothing was changed.</source>
        <translation>此数据库（设备 %1）的审计日志已被清除或替换：其 %2 条事件均不带本机的审计密钥。请运行“injury-desk check”并恢复备份；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="324"/>
        <source>differs from the passphrase typed first</source>
        <translation>与第一次输入的口令不一致</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="325"/>
        <source>does not open this key export (wrong passphrase, or the file was changed)</source>
        <translation>无法打开此密钥导出文件（口令错误，或文件已被改动）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="326"/>
        <source>%1 is not a key export of injury_desk.</source>
        <translation>%1 不是 injury_desk 的密钥导出文件。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="346"/>
        <source>%1 is not a key export of injury_desk: its key derivation setting %2 is %3, outside %4 to %5. Nothing was changed.</source>
        <translation>%1 不是 injury_desk 的密钥导出文件：其密钥派生参数 %2 为 %3，超出 %4 至 %5 的范围。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="327"/>
        <source>The key export %1 cannot be read (%2).</source>
        <translation>无法读取密钥导出文件 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="328"/>
        <source>The key export cannot be written to %1 (%2).</source>
        <translation>无法将密钥导出写入 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="329"/>
        <source>This key export belongs to another database than %1 (its key does not open it, or its device or audit key differ). Nothing was changed.</source>
        <translation>此密钥导出文件属于另一个数据库，而不是 %1（其密钥无法打开该数据库，或其设备或审计密钥不同）。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="332"/>
        <source>must not be the database, its log files or a backup (%1)</source>
        <translation>不能是数据库、其日志文件或备份（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="330"/>
        <source>The key export %1 holds the database key only (an earlier version wrote it), and this computer&apos;s keyring has no audit key for the database (device %2). The database can be read and checked, but no change can be saved, and “injury-desk check” cannot verify its audit log, until the audit key is back: on the old computer, if it still starts, export the key again with this version and import that file.</source>
        <translation>密钥导出文件 %1 只含数据库密钥（由较早版本写出），而本机密钥环中没有该数据库（设备 %2）的审计密钥。数据库可以读取和检查，但在审计密钥恢复之前无法保存任何更改，“injury-desk check”也无法验证其审计日志：如果旧电脑仍能启动，请在旧电脑上用此版本重新导出密钥，再导入该文件。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="331"/>
        <source>The key export %1 does not hold this desktop&apos;s sync credential (it was exported before the desktop was enrolled, or by an earlier version). The database works, but it cannot sync with %2 until the credential is back: on the old computer, if it still starts, export the key again and import that file.</source>
        <translation>密钥导出文件 %1 不含本桌面端的同步凭据（导出时本桌面端尚未注册，或由较早版本导出）。数据库可以正常使用，但在凭据恢复之前无法与 %2 同步：如果旧电脑仍能启动，请在旧电脑上重新导出密钥，再导入该文件。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="333"/>
        <source>No passphrase: set the environment variable %1, or run the command in a terminal to type it.</source>
        <translation>没有口令：请设置环境变量 %1，或在终端中运行该命令以输入口令。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="334"/>
        <source>Please correct the %1 marked field(s).</source>
        <translation>请更正标出的 %1 个字段。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="57"/>
        <source>ID number</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="58"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="59"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="60"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="61"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="62"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="63"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="64"/>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="65"/>
        <source>Risk class</source>
        <translation>风险类别</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="66"/>
        <source>Headcount</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="67"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="68"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="69"/>
        <source>Accident date</source>
        <translation>事故日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="70"/>
        <source>Accident time</source>
        <translation>事故时间</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="71"/>
        <source>Accident place</source>
        <translation>事故地点</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="72"/>
        <source>Circumstances</source>
        <translation>事故经过</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="73"/>
        <source>Injured body parts</source>
        <translation>受伤部位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="74"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="75"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="76"/>
        <source>Application received on</source>
        <translation>收到申请日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="77"/>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="78"/>
        <source>Decided on</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="79"/>
        <source>Determination</source>
        <translation>工伤认定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="80"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="81"/>
        <source>Appraisal requested on</source>
        <translation>鉴定申请日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="82"/>
        <source>Appraised on</source>
        <translation>鉴定日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="83"/>
        <source>Disability grade</source>
        <translation>伤残等级</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="84"/>
        <source>Nursing dependency</source>
        <translation>生活自理障碍</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="85"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="86"/>
        <source>Worker</source>
        <translation>职工</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="87"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="88"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="89"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="90"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="91"/>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="92"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="110"/>
        <source>Claim</source>
        <translation>工伤申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="111"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="112"/>
        <source>Rehabilitation case</source>
        <translation>康复案例</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="113"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="114"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="115"/>
        <source>Incident</source>
        <translation>事故事件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="116"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="117"/>
        <source>Benefit assessment</source>
        <translation>待遇核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="118"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="119"/>
        <source>Attached to</source>
        <translation>所属记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="120"/>
        <source>Kind of record attached to</source>
        <translation>所属记录类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="122"/>
        <source>Corrects</source>
        <translation>更正对象</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="123"/>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="124"/>
        <source>Decided at</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="125"/>
        <source>Proposed by</source>
        <translation>提议人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="126"/>
        <source>Proposed at</source>
        <translation>提议时间</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="127"/>
        <source>Issued by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="128"/>
        <source>Issued on</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="129"/>
        <source>Written by</source>
        <translation>撰写人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="130"/>
        <source>Written at</source>
        <translation>撰写时间</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="131"/>
        <source>Assigned to</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="132"/>
        <source>Attended</source>
        <translation>已出席</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="133"/>
        <source>Attendees</source>
        <translation>参训人数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="134"/>
        <source>Attendee names</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="136"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="137"/>
        <source>Clear case</source>
        <translation>事实清楚的案件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="138"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="139"/>
        <source>Days lost</source>
        <translation>损失工作日</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="140"/>
        <source>Decision number</source>
        <translation>决定书编号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="141"/>
        <source>Documents completed on</source>
        <translation>材料补齐日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="142"/>
        <source>Documents missing</source>
        <translation>缺少的材料</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="143"/>
        <source>Documents requested on</source>
        <translation>要求补正材料日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="144"/>
        <source>Due on</source>
        <translation>应付日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="145"/>
        <source>Employer&apos;s deadline extended to</source>
        <translation>用人单位申请时限延长至</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="146"/>
        <source>Extension reference</source>
        <translation>延长批准文号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="147"/>
        <source>Employer name</source>
        <translation>用人单位名称</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="148"/>
        <source>Extended</source>
        <translation>已延长</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="149"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="150"/>
        <source>Held on</source>
        <translation>举办日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="151"/>
        <source>Calculation inputs</source>
        <translation>计算输入</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="152"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="153"/>
        <source>Benefit item</source>
        <translation>待遇项目</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="154"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="155"/>
        <source>Measured on</source>
        <translation>测量日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="156"/>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="157"/>
        <source>Next deadline</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="158"/>
        <source>Next deadline (kind)</source>
        <translation>下一时限类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="159"/>
        <source>Reason not accepted</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="160"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="161"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="162"/>
        <source>Occupational disease</source>
        <translation>职业病</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="163"/>
        <source>Occurred on</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="165"/>
        <source>Need for treatment confirmed by</source>
        <translation>需要治疗的确认单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="166"/>
        <source>Needs nursing during the suspension period</source>
        <translation>停工留薪期内需要护理</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="168"/>
        <source>Insured</source>
        <translation>已参保</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="169"/>
        <source>Insured from</source>
        <translation>参保起始日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="170"/>
        <source>Insured to</source>
        <translation>参保截止日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="171"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="172"/>
        <source>Date of death</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="174"/>
        <source>Went missing</source>
        <translation>下落不明情形</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="175"/>
        <source>Reported missing on</source>
        <translation>报告下落不明日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="176"/>
        <source>Advance paid on</source>
        <translation>预支日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="177"/>
        <source>Payment order</source>
        <translation>支付凭证号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="178"/>
        <source>How the case ended</source>
        <translation>结案情形</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="179"/>
        <source>Day of the return or of the judgment</source>
        <translation>重新出现之日或判决之日</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="180"/>
        <source>Court judgment</source>
        <translation>法院判决书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="181"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="182"/>
        <source>Parameter version</source>
        <translation>参数版本</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="183"/>
        <source>Payer</source>
        <translation>支付方</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="184"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="185"/>
        <source>Planned on</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="186"/>
        <source>Calculation result</source>
        <translation>计算结果</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="187"/>
        <source>Reason for returning</source>
        <translation>退回理由</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="188"/>
        <source>Return-to-work outcome</source>
        <translation>重返工作结果</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="189"/>
        <source>Rules version</source>
        <translation>规则版本</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="190"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="191"/>
        <source>Content hash</source>
        <translation>内容校验值</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="192"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="193"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="195"/>
        <source>Suspension started on</source>
        <translation>停工留薪开始日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="196"/>
        <source>Suspension extended by</source>
        <translation>停工留薪延长</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="197"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="198"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="199"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="200"/>
        <source>Total monthly</source>
        <translation>按月合计</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="201"/>
        <source>Total once</source>
        <translation>一次性合计</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="202"/>
        <source>Trainer</source>
        <translation>培训讲师</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="203"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="204"/>
        <source>Worker name</source>
        <translation>职工姓名</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="205"/>
        <source>Decision number prefix</source>
        <translation>决定书编号前缀</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="206"/>
        <source>Decision number pattern</source>
        <translation>决定书编号格式</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="207"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="208"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="209"/>
        <source>Qualifying condition</source>
        <translation>供养条件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="210"/>
        <source>Completely unable to work</source>
        <translation>完全丧失劳动能力</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="211"/>
        <source>Lonely elderly person or orphan</source>
        <translation>孤寡老人或孤儿</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="212"/>
        <source>Payee</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="213"/>
        <source>Ended by</source>
        <translation>终止原因</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="214"/>
        <source>Suspension ended on</source>
        <translation>停工留薪期结束日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="215"/>
        <source>Extension confirmed by</source>
        <translation>延长确认文号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="216"/>
        <source>Receipt</source>
        <translation>票据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="217"/>
        <source>Incurred on</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="219"/>
        <source>Daily standard</source>
        <translation>每日标准</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/messages.py" line="200"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="41"/>
        <source>a recognised or deemed work-related injury determination is needed before benefits can be calculated</source>
        <translation>须先认定为工伤或视同工伤，才能计算待遇</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="42"/>
        <source>disability benefits need a concluded disability appraisal first</source>
        <translation>伤残待遇须先有劳动能力鉴定结论</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="45"/>
        <source>must be the appraised grade (%1), not %2</source>
        <translation>须为鉴定的伤残等级（%1），而不是 %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="46"/>
        <source>must be the appraised nursing dependency (%1), not %2</source>
        <translation>须为鉴定的生活自理障碍等级（%1），而不是 %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="47"/>
        <source>must be the claim&apos;s accident date (%1)</source>
        <translation>须为该申报的事故日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="48"/>
        <source>must match the claim (fatal: %1)</source>
        <translation>须与申报一致（工亡：%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="49"/>
        <source>this claim already has a proposal waiting for a supervisor</source>
        <translation>该申报已有待审核人审核的核定结果</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="50"/>
        <source>this claim&apos;s assessment is already approved; approved assessments are never changed</source>
        <translation>该申报的待遇核定已审核通过；审核通过的核定不能再修改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="51"/>
        <source>the assessment does not exist or was deleted</source>
        <translation>该待遇核定不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="52"/>
        <source>only an open proposal can be approved or returned (this one is %1)</source>
        <translation>只有待审核的核定结果才能审核通过或退回（当前为“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="53"/>
        <source>you proposed this assessment, so you cannot approve it: another supervisor must (four-eyes rule)</source>
        <translation>此核定由您提交，您不能审核通过：须由另一名审核人审核（双人复核原则）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="55"/>
        <source>month %1 is listed twice</source>
        <translation>月份 %1 重复</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="56"/>
        <source>month %1 is not before the injury (%2); only the months before it count</source>
        <translation>月份 %1 不在受伤（%2）之前；只计算受伤前的月份</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="57"/>
        <source>%1 of the %2 months before the injury have a wage; the calculation needs all %2</source>
        <translation>受伤前 %2 个月中只有 %1 个月有工资；计算需要全部 %2 个月</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="58"/>
        <source>the payment does not exist or was deleted</source>
        <translation>该支付记录不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="59"/>
        <source>this payment was already recorded as paid on %1</source>
        <translation>该笔款项已登记于 %1 支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="60"/>
        <source>only a scheduled payment can be paid (this one is %1)</source>
        <translation>只有待支付的款项才能登记支付（当前为“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="62"/>
        <source>%1 is required</source>
        <translation>%1为必填项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="63"/>
        <source>has the wrong type (expected %1)</source>
        <translation>类型错误（应为 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="64"/>
        <source>%1 has the wrong type (expected %2)</source>
        <translation>%1类型错误（应为 %2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="65"/>
        <source>%1 is not a known field</source>
        <translation>%1不是已知字段</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="66"/>
        <source>is not an amount (got “%1”)</source>
        <translation>不是金额（输入的是“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="67"/>
        <source>must not be negative (got %1)</source>
        <translation>不能为负数（输入的是 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="68"/>
        <source>must be greater than zero (got %1)</source>
        <translation>须大于零（输入的是 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="69"/>
        <source>a wage must not be negative (got %1)</source>
        <translation>工资不能为负数（输入的是 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="70"/>
        <source>needs exactly %1 monthly wages (got %2)</source>
        <translation>须有 %1 个月的工资（现有 %2 个月）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="71"/>
        <source>give either the monthly wages or the average monthly wage, not both</source>
        <translation>请填写各月工资或月平均工资，不能同时填写</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="73"/>
        <source>is not a plausible year (got %1)</source>
        <translation>不是合理的年份（输入的是 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="75"/>
        <source>a fatal case has no disability grade</source>
        <translation>工亡案件没有伤残等级</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="76"/>
        <source>is not a known nursing dependency level (got %1)</source>
        <translation>不是已知的生活自理障碍等级（输入的是 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="77"/>
        <source>nursing care needs an appraised disability grade</source>
        <translation>生活护理费须有鉴定的伤残等级</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="78"/>
        <source>the employer&apos;s monthly allowance ends with the employment (grade %1): untick one of the two</source>
        <translation>用人单位按月发放的伤残津贴随劳动关系终止而停止（%1 级）：请取消勾选其中一项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="79"/>
        <source>the provincial subsidy schedules for grade %1 need a region</source>
        <translation>%1 级的省级补助金标准须指定统筹地区</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="80"/>
        <source>dependants&apos; pensions apply only to a fatal case</source>
        <translation>供养亲属抚恤金仅适用于工亡案件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="81"/>
        <source>is not a known relation (got %1)</source>
        <translation>不是已知的亲属关系（输入的是 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="82"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="106"/>
        <source>at most one spouse</source>
        <translation>配偶最多一人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="83"/>
        <source>must be %1 to %2 months (got %3)</source>
        <translation>须为 %1 至 %2 个月（输入的是 %3）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="84"/>
        <source>more than %1 months needs the confirmed extension (got %2)</source>
        <translation>超过 %1 个月须确认延长（输入的是 %2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="107"/>
        <source>there are no parameter files for region %1</source>
        <translation>统筹地区 %1 没有参数文件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="108"/>
        <source>there is no parameter file for region %1 and year %2; ask the administrator to add it, or enter the figures by hand</source>
        <translation>统筹地区 %1 没有 %2 年度的参数文件；请联系管理员添加，或手工录入数据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="109"/>
        <source>no national urban disposable income is on file for %1; enter it by hand</source>
        <translation>没有 %1 年度的全国城镇居民人均可支配收入数据；请手工录入</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="110"/>
        <source>no national rule set was in force on %1</source>
        <translation>%1 没有施行中的全国规则</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="111"/>
        <source>the rule file %1 is broken (%2); tell the administrator</source>
        <translation>规则文件 %1 已损坏（%2）；请告知管理员</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="112"/>
        <source>the rule files are missing (%1); tell the administrator</source>
        <translation>规则文件缺失（%1）；请告知管理员</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="31"/>
        <source>Injury date</source>
        <translation>受伤日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="32"/>
        <source>Monthly wages</source>
        <translation>各月工资</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="33"/>
        <source>Average monthly wage</source>
        <translation>月平均工资</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="34"/>
        <source>Regional average monthly wage</source>
        <translation>统筹地区职工月平均工资</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="35"/>
        <source>Region</source>
        <translation>统筹地区</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="36"/>
        <source>Statistics year</source>
        <translation>统计年度</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="38"/>
        <source>Period from</source>
        <translation>统计期间起</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="39"/>
        <source>Period to</source>
        <translation>统计期间止</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="37"/>
        <source>Minimum wage</source>
        <translation>最低工资标准</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="38"/>
        <source>Employer cannot arrange suitable work</source>
        <translation>用人单位难以安排工作</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="39"/>
        <source>Employment ended</source>
        <translation>劳动关系已终止</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="40"/>
        <source>Fatal</source>
        <translation>工亡</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="41"/>
        <source>Dependants</source>
        <translation>供养亲属</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="42"/>
        <source>National urban disposable income</source>
        <translation>全国城镇居民人均可支配收入</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="43"/>
        <location filename="../../injury_desk/catalogue/fields.py" line="194"/>
        <source>Suspension months</source>
        <translation>停工留薪期月数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="44"/>
        <source>Suspension extended</source>
        <translation>停工留薪期已延长</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="50"/>
        <source>Wages</source>
        <translation>工资</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="51"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="52"/>
        <source>Paid on</source>
        <translation>支付日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="53"/>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="54"/>
        <source>Appraisal</source>
        <translation>劳动能力鉴定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="55"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="56"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/messages.py" line="135"/>
        <source>%1, entry %2: %3</source>
        <translation>%1，第 %2 项：%3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/messages.py" line="176"/>
        <source>entry %1: %2</source>
        <translation>第 %1 项：%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/messages.py" line="182"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/messages.py" line="187"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="113"/>
        <source>claim %1 has no injury determination yet: there is no decision letter to print</source>
        <translation>申报 %1 尚未作出工伤认定：没有可打印的认定决定书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="114"/>
        <source>claim %1 has no approved or proposed benefit assessment yet: there is no calculation sheet to print</source>
        <translation>申报 %1 尚无已提交或已审核通过的待遇核定：没有可打印的待遇核定表</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="115"/>
        <source>there is no form “%1” (known forms: %2)</source>
        <translation>没有表单“%1”（已有表单：%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="116"/>
        <source>the form “%1” is produced by the system and has no blank version</source>
        <translation>表单“%1”由系统生成，没有空白版本</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="117"/>
        <source>the form “%1” is not printed for claims</source>
        <translation>表单“%1”不用于工伤申报打印</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="118"/>
        <source>the form “%1” is for records of an unknown kind (%2)</source>
        <translation>表单“%1”所属记录类型未知（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="120"/>
        <source>there is no local database in %1</source>
        <translation>%1 中没有本地数据库</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="121"/>
        <source>cannot write the PDF file %1 (%2)</source>
        <translation>无法写入 PDF 文件 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="122"/>
        <source>the record file %1 is nested deeper than any record; nothing was printed</source>
        <translation>记录文件 %1 的嵌套层级超过任何记录的层级；未打印任何内容</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="8"/>
        <source>the rehabilitation case does not exist or was deleted</source>
        <translation>该康复案件不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="9"/>
        <source>the rehabilitation plan does not exist or was deleted</source>
        <translation>该康复计划不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="10"/>
        <source>the goal does not exist or was deleted</source>
        <translation>该目标不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="11"/>
        <source>the session does not exist or was deleted</source>
        <translation>该康复服务不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="12"/>
        <source>the case was closed on %1: nothing can be added to it</source>
        <translation>该案件已于 %1 结案，不能再添加内容</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="13"/>
        <source>claim %1 has no recognised or deemed work injury: rehabilitation is paid only for those (Art. 14, 15)</source>
        <translation>申报 %1 未被认定为工伤或视同工伤：只有此类情形才支付康复费用（第十四条、第十五条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="14"/>
        <source>cannot be before the injury decision (%1)</source>
        <translation>不能早于工伤认定日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="15"/>
        <source>claim %1 already has an open case of this referral type</source>
        <translation>申报 %1 已有一个该康复类型的进行中案件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="16"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="18"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="20"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="23"/>
        <source>cannot be before the case was opened (%1)</source>
        <translation>不能早于立案日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="17"/>
        <source>record the return-to-work outcome before closing the case</source>
        <translation>结案前请先登记返岗结果</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="19"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="21"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="22"/>
        <source>cannot be before the plan was drawn up (%1)</source>
        <translation>不能早于康复计划制定日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="25"/>
        <source>the session is on %1, after today (%2): attendance can be recorded afterwards</source>
        <translation>该康复服务安排在 %1，晚于今天（%2）：出勤情况可在之后登记</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="26"/>
        <source>no claim of this office has the number %1</source>
        <translation>本机构没有编号为 %1 的申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="27"/>
        <source>the case has no plan yet: add a plan first</source>
        <translation>该案件尚无康复计划：请先添加计划</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="28"/>
        <source>the inspection does not exist or was deleted</source>
        <translation>该检查记录不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="29"/>
        <source>the inspection was cancelled</source>
        <translation>该检查已取消</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="30"/>
        <source>not possible while the inspection is %1 (it must be %2)</source>
        <translation>检查状态为“%1”时无法操作（须为“%2”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="31"/>
        <source>cannot be after a corrective action&apos;s due date (%1)</source>
        <translation>不能晚于整改措施的到期日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="32"/>
        <source>the hazard does not exist or was deleted</source>
        <translation>该隐患不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="33"/>
        <source>the corrective action does not exist or was deleted</source>
        <translation>该整改措施不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="34"/>
        <source>the action was already completed on %1</source>
        <translation>该整改措施已于 %1 完成</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="35"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="36"/>
        <source>cannot be before the inspection (%1)</source>
        <translation>不能早于检查日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="37"/>
        <source>must be later than the current due date (%1)</source>
        <translation>须晚于当前到期日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="38"/>
        <source>the training session does not exist or was deleted</source>
        <translation>该培训不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="39"/>
        <source>the incident does not exist or was deleted</source>
        <translation>该事故记录不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="40"/>
        <source>a near miss injured nobody: there is nothing to claim</source>
        <translation>未遂事件无人受伤：无需申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="8"/>
        <source>Referral type</source>
        <translation>康复类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="9"/>
        <source>Provider</source>
        <translation>康复机构</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="10"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="11"/>
        <source>Opened on</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="12"/>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="13"/>
        <source>Return-to-work date</source>
        <translation>返岗日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="14"/>
        <source>Restrictions</source>
        <translation>工作限制</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="15"/>
        <source>Accommodations</source>
        <translation>岗位调整</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="16"/>
        <source>Drawn up on</source>
        <translation>制定日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="17"/>
        <source>Review on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="18"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="19"/>
        <source>Plan</source>
        <translation>康复计划</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="20"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="21"/>
        <source>Measure</source>
        <translation>衡量指标</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="22"/>
        <source>Baseline</source>
        <translation>基线值</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="23"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="24"/>
        <source>Target date</source>
        <translation>目标日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="25"/>
        <source>Scheduled on</source>
        <translation>安排日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="26"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="27"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="28"/>
        <source>Claim number</source>
        <translation>申报编号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="29"/>
        <source>Inspected on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="30"/>
        <source>Due date</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="121"/>
        <source>the file has no name</source>
        <translation>文件没有名称</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="122"/>
        <source>“%1” is not a photo or document type that can be attached (allowed: %2)</source>
        <translation>“%1”不是可添加的照片或文档类型（允许：%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="123"/>
        <source>“%1” is empty</source>
        <translation>“%1”是空文件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="124"/>
        <source>“%1” is %2 MB; an attachment may be at most %3 MB (it is synced to every office): reduce the photo&apos;s size or scan at a lower resolution</source>
        <translation>“%1”大小为 %2 MB；附件最大 %3 MB（附件会同步到各经办机构）：请缩小照片或以较低分辨率扫描</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="125"/>
        <source>“%1” cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="126"/>
        <location filename="../../injury_desk/catalogue/rules.py" line="144"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="127"/>
        <source>“%1” is already attached here as “%2” (same content)</source>
        <translation>“%1”已作为“%2”添加（内容相同）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="128"/>
        <source>the same file was picked twice</source>
        <translation>同一文件被选择了两次</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="129"/>
        <source>attachments cannot be added to %1</source>
        <translation>%1 不能添加附件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="130"/>
        <source>the record to attach to does not exist or was deleted</source>
        <translation>要添加附件的记录不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="131"/>
        <source>the attachment does not exist or was deleted</source>
        <translation>附件不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="132"/>
        <source>the stored copy of “%1” is damaged (its content hash does not match): sync again to fetch a good copy</source>
        <translation>“%1”的存储副本已损坏（内容哈希不符）：请重新同步以获取完好副本</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="133"/>
        <source>give the hazard “%1” at least one corrective action with an owner and a due date</source>
        <translation>请为隐患“%1”至少指定一项整改措施，并填写负责人和整改期限</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="134"/>
        <source>choose for at least one action whether it is done or extended</source>
        <translation>请至少为一项整改措施选择“已整改”或“延期”</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="135"/>
        <source>the action belongs to another inspection</source>
        <translation>该整改措施属于另一次检查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="136"/>
        <source>claim %1 was already made from this incident</source>
        <translation>已据此事故创建申报 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="137"/>
        <source>the prevention budget file %1 is not valid: %2</source>
        <translation>工伤预防预算文件 %1 无效：%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="138"/>
        <source>the first year (%1) is after the last year (%2)</source>
        <translation>起始年份（%1）晚于结束年份（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="139"/>
        <source>statistics cannot be grouped by “%1”</source>
        <translation>统计不能按“%1”分组</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="145"/>
        <source>must be a number like 12.5 (got “%1”)</source>
        <translation>必须是数字，例如 12.5（输入的是“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="146"/>
        <source>may have at most %1 decimal place(s) (got %2)</source>
        <translation>最多 %1 位小数（输入的是 %2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="147"/>
        <source>must be after the review (%1)</source>
        <translation>必须晚于本次复查日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="148"/>
        <source>is over the budget: a supervisor must book this session</source>
        <translation>超出预算：须由审核人安排此次服务</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="149"/>
        <source>tick this to approve going over the budget</source>
        <translation>勾选此项以批准超出预算</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="24"/>
        <source>this session would bring the case to %1 yuan, over its budget of %2 yuan; a supervisor must approve the overrun</source>
        <translation>此次服务将使案件费用达到 %1 元，超出预算 %2 元；超支须经审核人批准</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="43"/>
        <source>must be set: the worker died on %2, after the suspension period&apos;s last day %1</source>
        <translation>应当选择：职工于%2死亡，晚于停工留薪期的最后一日%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="44"/>
        <source>must not be set: the worker died on %2, within the suspension period (its last day %1)</source>
        <translation>不应选择：职工于%2死亡，在停工留薪期内（最后一日为%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="150"/>
        <source>must be %1</source>
        <translation>必须是%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="151"/>
        <source>cannot be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="153"/>
        <source>is not a field of %1 that can be synced</source>
        <translation>不是%1中可同步的字段</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="154"/>
        <source>must be an address like https://sync.example.org (got “%1”)</source>
        <translation>必须是形如 https://sync.example.org 的地址（当前为“%1”）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="155"/>
        <source>uses plain HTTP to another computer, which would send the data unencrypted: use https:// (only an administrator can allow plain HTTP)</source>
        <translation>以明文 HTTP 连接另一台计算机，数据将不加密传输：请使用 https://（只有管理员可以允许明文 HTTP）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="156"/>
        <source>was not accepted: it is mistyped, already used or expired (ask the central administrator for a new code)</source>
        <translation>未被接受：登记码有误、已被使用或已过期（请向中心管理员索取新的登记码）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="157"/>
        <source>This desktop already holds an office&apos;s data: log in and enrol it from the Sync page.</source>
        <translation>本机已有经办机构的数据：请登录后在“同步”页面登记。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="158"/>
        <source>This desktop is already enrolled with %1.</source>
        <translation>本机已登记到 %1。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="159"/>
        <source>That enrolment code is for office %1, but this desktop holds another office&apos;s data: it can only join its own office.</source>
        <translation>该登记码属于经办机构 %1，但本机存有另一经办机构的数据：本机只能加入其自己的经办机构。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="160"/>
        <source>This desktop is not enrolled with a central sync service, or its credential is missing from the keyring.</source>
        <translation>本机尚未登记到中心同步服务，或其凭据不在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="161"/>
        <source>This computer has no secure credential store (keyring; found %1). The device credential is never kept in a plain file, so sync cannot be set up until a keyring is available.</source>
        <translation>本机没有安全的凭据存储（密钥环；当前为 %1）。设备凭据从不保存在明文文件中，因此在有可用的密钥环之前无法设置同步。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="163"/>
        <source>The central service does not know this desktop, or its credential was revoked: ask the administrator to enrol it again.</source>
        <translation>中心服务不认识本机，或其凭据已被吊销：请管理员重新登记本机。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="164"/>
        <source>This desktop is already enrolled with the central service.</source>
        <translation>本机已在中心服务登记。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="165"/>
        <source>The central service refused this desktop&apos;s session token (it may have expired): try again.</source>
        <translation>中心服务拒绝了本机的会话令牌（可能已过期）：请重试。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="166"/>
        <source>The central service expected a session token that was not sent: try again.</source>
        <translation>中心服务需要会话令牌，但未收到：请重试。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="170"/>
        <source>Cannot reach the central service at %1 (%2): check the address and this computer&apos;s network, then enrol again. If the code is then refused as used, ask the administrator for a new one.</source>
        <translation>无法连接中心服务 %1（%2）：请检查地址和本机的网络，然后重新登记。如果登记码随后被告知已使用，请向管理员索取新的登记码。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="171"/>
        <source>The central service at %1 did not answer in time: enrol again in a moment. If the code is then refused as used, ask the administrator for a new one.</source>
        <translation>中心服务 %1 未能及时应答：请稍后重新登记。如果登记码随后被告知已使用，请向管理员索取新的登记码。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="172"/>
        <source>The credential kept for the old address %1 is still in the keyring: it could not be removed (%2). The central service no longer accepts it; remove it in the system&apos;s credential manager.</source>
        <translation>为旧地址 %1 保存的凭据仍在密钥环中：无法删除（%2）。中心服务已不再接受该凭据；请在系统的凭据管理器中删除它。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="167"/>
        <source>Cannot reach the central service at %1 (%2). Your changes are kept and will be sent later.</source>
        <translation>无法连接中心服务 %1（%2）。您的更改已保留，稍后发送。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="168"/>
        <source>The central service at %1 did not answer in time. Your changes are kept and will be sent later.</source>
        <translation>中心服务 %1 未及时响应。您的更改已保留，稍后发送。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="169"/>
        <source>The central service had an internal error (HTTP %1). Your changes are kept; sync will try again.</source>
        <translation>中心服务发生内部错误（HTTP %1）。您的更改已保留，同步将再次尝试。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="170"/>
        <source>The central service answered with an unexpected error (HTTP %1).</source>
        <translation>中心服务返回了意外错误（HTTP %1）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="171"/>
        <source>The central service sent a reply this desktop cannot read; nothing of it was applied.</source>
        <translation>中心服务的应答本机无法读取；其中内容均未应用。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="172"/>
        <source>The central service refused the request as malformed (%1).</source>
        <translation>中心服务认为请求格式有误而拒绝（%1）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="173"/>
        <source>The request was larger than the central service accepts (%1 bytes).</source>
        <translation>请求超过中心服务允许的大小（%1 字节）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="174"/>
        <source>Sync was cancelled. What was sent or received so far is kept.</source>
        <translation>同步已取消。已发送或已接收的内容均已保留。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="175"/>
        <source>The central service expected change number %1 from this desktop, but the queue starts at %2. Nothing was lost: contact support.</source>
        <translation>中心服务期待本机的第 %1 号更改，但队列从第 %2 号开始。没有数据丢失：请联系技术支持。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="176"/>
        <source>Version mismatch: schema version %1 was sent, %2 is needed. Update the application or the central service.</source>
        <translation>版本不符：发送的数据结构版本为 %1，需要 %2。请更新本程序或中心服务。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="177"/>
        <source>The request names another device than the credential it came with, so it was refused.</source>
        <translation>请求中的设备与所附凭据不一致，已被拒绝。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="178"/>
        <source>The changes were sent out of order and were refused; nothing was applied.</source>
        <translation>更改未按顺序发送，已被拒绝；均未应用。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="179"/>
        <source>%1 records cannot be synced.</source>
        <translation>%1记录不能同步。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="180"/>
        <source>The central service does not allow this change to %1 from a desktop for this user (accounts and offices are managed centrally; deleting a claim needs a supervisor).</source>
        <translation>中心服务不允许该用户从桌面端对%1作此更改（账号和经办机构由中心管理；删除申报需要审核人）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="181"/>
        <source>The person who made this change has no active account on the central service.</source>
        <translation>作出此更改的人员在中心服务没有有效账号。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="182"/>
        <source>The %1 record this change applies to does not exist on the central service.</source>
        <translation>此更改所针对的%1记录在中心服务不存在。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="183"/>
        <source>A %1 record with the same identity but other values already exists on the central service.</source>
        <translation>中心服务已有一条标识相同但内容不同的%1记录。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="184"/>
        <source>A %1 record cannot be moved to another office by editing it: use a transfer.</source>
        <translation>不能通过修改把%1记录移到另一经办机构：请使用移交。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="185"/>
        <source>This new %1 record belongs to another office than this desktop&apos;s.</source>
        <translation>这条新的%1记录属于另一经办机构，而非本机所属机构。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="186"/>
        <source>The central database refused this %1 change (%2).</source>
        <translation>中心数据库拒绝了此%1更改（%2）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="187"/>
        <source>Change number %1 was already used by this desktop for another change.</source>
        <translation>更改编号 %1 已被本机用于另一项更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="188"/>
        <source>Change number %1 carries the identity of a change this desktop already sent, with other content; the central service kept the earlier change.</source>
        <translation>更改编号 %1 使用了本机已发送过的一项更改的标识，但内容不同；中心服务保留了先前的更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="189"/>
        <source>This %1 record refers to a %2 record (field %3) that this office does not hold: a record may refer only to records of its own office.</source>
        <translation>此%1记录（字段 %3）引用了本经办机构没有的%2记录：记录只能引用本经办机构自己的记录。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="190"/>
        <source>This conflict was already settled, or its record is gone; the list was refreshed.</source>
        <translation>此冲突已处理，或其记录已不存在；列表已刷新。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="191"/>
        <source>This refused change was already dealt with; the list was refreshed.</source>
        <translation>此被拒绝的更改已处理；列表已刷新。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="192"/>
        <source>The corrected values are the ones already there: change at least one value.</source>
        <translation>更正后的值与现有值相同：请至少修改一个值。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="193"/>
        <source>%1 later change(s) to the same record are still queued: correct this change instead, or deal with them first.</source>
        <translation>同一记录还有 %1 项后续更改在队列中：请改为更正此更改，或先处理那些更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="194"/>
        <source>Cannot write the package file %1 (%2).</source>
        <translation>无法写入同步包文件 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="195"/>
        <source>%1 exists and is not a regular file (a device or a pipe): a package is never written over it.</source>
        <translation>%1 已存在且不是普通文件（设备或管道）：同步包绝不会写在它上面。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="196"/>
        <source>The reply %1 would be written over the package %2 being imported: give the reply another file name. Nothing was applied.</source>
        <translation>回复包 %1 会覆盖正在导入的同步包 %2：请为回复包另取文件名。未应用任何内容。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="195"/>
        <source>The package file is larger than the %1 bytes allowed.</source>
        <translation>同步包文件超过允许的 %1 字节。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="196"/>
        <source>Cannot read the file %1 (%2).</source>
        <translation>无法读取文件 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="197"/>
        <source>%1 is not a valid sync package (at %2: %3).</source>
        <translation>%1 不是有效的同步包（%2：%3）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="198"/>
        <source>This is the wrong kind of package (“%1”, but “%2” is needed): import the reply the central service wrote, not the package you exported.</source>
        <translation>同步包类型不对（为“%1”，需要“%2”）：请导入中心服务生成的应答包，而不是您导出的同步包。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="199"/>
        <source>This reply package was made for another desktop; nothing was applied.</source>
        <translation>此应答包是为另一台计算机生成的；均未应用。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="200"/>
        <source>The package&apos;s signature does not match: it was changed after it was made, or it is not for this desktop. Nothing was applied.</source>
        <translation>同步包的签名不符：它在生成后被改动过，或不是给本机的。均未应用。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="201"/>
        <source>Package number %1 was already applied (the last one applied is %2); nothing was changed.</source>
        <translation>第 %1 号同步包已应用过（最近应用的是第 %2 号）；未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="202"/>
        <source>Package number %1 is out of order: number %2 must come first. Nothing was applied.</source>
        <translation>第 %1 号同步包顺序不对：必须先导入第 %2 号。均未应用。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="203"/>
        <source>There is no office %1 on the central service.</source>
        <translation>中心服务没有经办机构 %1。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="204"/>
        <source>“%1” is not a valid office code (letters and digits, at most 16).</source>
        <translation>“%1”不是有效的经办机构代码（字母和数字，最多 16 位）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="205"/>
        <source>Office %1 already exists.</source>
        <translation>经办机构 %1 已存在。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="206"/>
        <source>“%1” is not a role (allowed: %2).</source>
        <translation>“%1”不是有效角色（可用：%2）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="207"/>
        <source>“%1” is not a valid user name (1 to 64 characters).</source>
        <translation>“%1”不是有效的用户名（1 至 64 个字符）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="208"/>
        <source>The password must have at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="209"/>
        <source>The user name %1 is already taken.</source>
        <translation>用户名 %1 已被占用。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="210"/>
        <source>“%1” is not the address of a central store: give a PostgreSQL one (postgresql+psycopg://user@host/database) or a SQLite file (sqlite:////path/central.sqlite3).</source>
        <translation>“%1”不是中心库的地址：请给出 PostgreSQL 地址（postgresql+psycopg://user@host/database）或 SQLite 文件（sqlite:////path/central.sqlite3）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="211"/>
        <source>The central store %1 cannot be opened (%2): check that its server runs, that the database exists and that this login may use it.</source>
        <translation>无法打开中心库 %1（%2）：请检查其服务器是否运行、数据库是否存在，以及此登录账号是否有权使用。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="212"/>
        <source>The central store %1 has not been set up: run “injury-desk central migrate” on it with its administrator&apos;s address first.</source>
        <translation>中心库 %1 尚未初始化：请先用其管理员地址对它运行“injury-desk central migrate”。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="212"/>
        <source>Office %1 has no desktop %2: “injury-desk central list-devices %1” lists its desktops by tag.</source>
        <translation>经办机构 %1 没有桌面端 %2：“injury-desk central list-devices %1”按标签列出其全部桌面端。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="215"/>
        <source>The central store %1 is at revision %2, older than this version&apos;s %3: run “injury-desk central migrate” on it first; this command only reads and changes nothing.</source>
        <translation>中心库 %1 的版本为 %2，早于本程序的 %3：请先对它运行“injury-desk central migrate”；本命令只读取，不做任何更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="216"/>
        <source>The central store %1 is at revision %2, which this version of injury_desk does not know (its newest is %3): a newer version set it up; use that version, nothing was changed.</source>
        <translation>中心库 %1 的版本为 %2，本版本的 injury_desk 不认识该版本（本版本最新为 %3）：它由更新版本的程序建立；请使用那个版本，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="213"/>
        <source>The central service cannot listen on %1 port %2 (%3): choose a free port, or an address of this computer.</source>
        <translation>中心服务无法在 %1 的端口 %2 上监听（%3）：请选择空闲端口，或本机的地址。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="85"/>
        <source>applies only to a worker who died of the injury</source>
        <translation>仅适用于因工死亡的职工</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="86"/>
        <source>applies only to a worker appraised at grade %1 before death (got %2)</source>
        <translation>仅适用于死亡前经鉴定为 %1 级伤残的职工（当前为 %2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="87"/>
        <source>after a death past the suspension period only the funeral subsidy and the dependants&apos; pension are due (Art. 39 last paragraph)</source>
        <translation>停工留薪期满后死亡的，只享受丧葬补助金和供养亲属抚恤金（第三十九条第三款）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="88"/>
        <source>must be one of %1 (got %2)</source>
        <translation>必须是 %1 之一（当前为 %2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="89"/>
        <source>Art. 15(1) is a death at work: the case must be fatal</source>
        <translation>第十五条第一款第（一）项为工作中死亡的情形：案件必须为因工死亡</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="90"/>
        <source>must be %1 to %2 days (got %3)</source>
        <translation>必须在 %1 至 %2 天之间（当前为 %3）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="91"/>
        <source>no daily hospital meal standard: enter it, or choose a region whose figures have one (Art. 30)</source>
        <translation>没有住院伙食补助标准：请填写，或选择参数中有该标准的地区（第三十条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="92"/>
        <source>is given without the days in hospital</source>
        <translation>已填写，但未填写住院天数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="93"/>
        <source>a basic pension replaces the disability allowance of grades %1 only (grade: %2)</source>
        <translation>基本养老保险待遇只替代 %1 级伤残职工的伤残津贴（当前伤残等级：%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="45"/>
        <source>Recognised under</source>
        <translation>认定依据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="46"/>
        <source>Died after the suspension period</source>
        <translation>停工留薪期满后死亡</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="47"/>
        <location filename="../../injury_desk/catalogue/fields.py" line="218"/>
        <source>Days in hospital</source>
        <translation>住院天数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="48"/>
        <source>Hospital meal allowance per day</source>
        <translation>每日住院伙食补助标准</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="49"/>
        <source>Basic pension</source>
        <translation>基本养老保险待遇</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="336"/>
        <source>record the non-acceptance (date and reason) before closing</source>
        <translation>关闭前请先登记不予受理（日期和理由）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="337"/>
        <source>cannot be before the accident or exposure date (%1)</source>
        <translation>不能早于事故或接触日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="338"/>
        <source>must be after the employer&apos;s normal deadline (%1)</source>
        <translation>必须晚于用人单位的法定期限（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="339"/>
        <source>the missing documents were already requested on %1: one notice lists all of them (Determination Measures Art. 8)</source>
        <translation>已于%1通知补正材料：应一次性书面告知全部补正材料（《工伤认定办法》第八条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="341"/>
        <source>no missing documents were requested for this claim</source>
        <translation>本案未通知补正材料</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="342"/>
        <source>cannot be before the notice of missing documents (%1)</source>
        <translation>不能早于补正材料通知日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="344"/>
        <source>the determination is already suspended: record the end of that suspension first</source>
        <translation>工伤认定已中止：请先登记该中止的结束</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="345"/>
        <source>the determination is not suspended</source>
        <translation>工伤认定未中止</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="346"/>
        <source>cannot be before the start of the suspension (%1)</source>
        <translation>不能早于中止开始日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="347"/>
        <source>cannot be before the document was issued (%1)</source>
        <translation>不能早于文书作出日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="348"/>
        <source>no such decision document</source>
        <translation>没有该文书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="350"/>
        <source>record the start of the suspension period first</source>
        <translation>请先登记停工留薪期的开始</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="351"/>
        <source>must be longer than the current %1 months</source>
        <translation>必须长于目前的%1个月</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="353"/>
        <source>cannot be before the start of the suspension period (%1)</source>
        <translation>不能早于停工留薪期开始日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="354"/>
        <source>is after the last day of the suspension period (%1, %2 months; Art. 33)</source>
        <translation>晚于停工留薪期最后一天（%1，%2个月；第三十三条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="355"/>
        <source>is after the disability appraisal (%1), which ends the suspension period (Art. 33)</source>
        <translation>晚于伤残鉴定日期（%1），评定伤残等级后停工留薪期即结束（第三十三条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="356"/>
        <source>the suspension period has already ended (%1)</source>
        <translation>停工留薪期已于%1结束</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="357"/>
        <source>the suspension period recorded on the claim gives %1 months (got %2)</source>
        <translation>案件登记的停工留薪期为%1个月（填写的是%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="358"/>
        <source>claim %1 is not a fatal case: dependants&apos; pensions follow a death (Art. 39)</source>
        <translation>案件%1不是因工死亡案件：供养亲属抚恤金仅在因工死亡时发放（第三十九条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="359"/>
        <source>no such dependant (%1)</source>
        <translation>没有该供养亲属（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="360"/>
        <source>this pension has already ended (%1 on %2)</source>
        <translation>该抚恤金已终止（%2，%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="361"/>
        <source>the pensions are worked out from the wage base of the approved assessment: approve the assessment first</source>
        <translation>抚恤金按已审批待遇核定的工资基数计算：请先审批待遇核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="363"/>
        <source>no daily hospital meal standard: enter it, or add one to the region&apos;s figures (Art. 30)</source>
        <translation>没有住院伙食补助每日标准：请填写，或在统筹地区参数中补充（第三十条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="364"/>
        <source>must be more than zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="365"/>
        <source>days in hospital count only for the hospital meal allowance</source>
        <translation>住院天数只用于住院伙食补助费</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="366"/>
        <source>no such cost item (%1)</source>
        <translation>没有该费用项目（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="367"/>
        <source>you proposed this cost, so you cannot approve it: another supervisor must (four-eyes rule)</source>
        <translation>该费用由您提出，您不能审批：须由另一名主管审批（双人复核）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="368"/>
        <source>a re-appraisal or review changes an approved assessment: this claim has none yet (record the appraisal conclusion as usual)</source>
        <translation>再次鉴定或复查鉴定改变的是已审批的待遇核定：本案尚无已审批的核定（请按通常方式登记鉴定结论）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="369"/>
        <source>the claim has no appraisal conclusion to re-appraise or review</source>
        <translation>本案没有可再次鉴定或复查的鉴定结论</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="370"/>
        <source>must be after the last conclusion (%1)</source>
        <translation>必须晚于上一次鉴定结论（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="371"/>
        <source>a review may be asked one year after the conclusion, from %1 (Art. 28)</source>
        <translation>鉴定结论作出1年后方可申请复查鉴定，即自%1起（第二十八条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="372"/>
        <source>a nursing level needs a disability grade</source>
        <translation>生活护理等级须有伤残等级</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="373"/>
        <source>must be the days times the daily standard: %1</source>
        <translation>必须等于住院天数乘以每日标准：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="374"/>
        <source>the assessment already pays the hospital meal allowance (days in hospital): it is paid once</source>
        <translation>待遇核定中已计发住院伙食补助费（住院天数）：只能支付一次</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="375"/>
        <source>only an open proposal can be approved, returned or changed (this one is %1)</source>
        <translation>只有待审批的申请才能审批、退回或修改（当前状态：%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="376"/>
        <source>only a closed claim is reopened for a recurrence (this one is %1); record the new treatment on the open claim</source>
        <translation>只有已结案的案件才能因工伤复发重新开启（当前状态：%1）；请在未结案件中登记新的治疗</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="378"/>
        <source>cannot be before the recurrence (%1)</source>
        <translation>不能早于工伤复发之日（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="379"/>
        <source>no such recurrence (%1)</source>
        <translation>没有该工伤复发记录（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="380"/>
        <source>the recurrence&apos;s suspension period has already ended (%1)</source>
        <translation>本次复发的停工留薪期已经结束（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="381"/>
        <source>insured-from and insured-to dates need the insured flag</source>
        <translation>参保起止日期须在勾选“已参保”时填写</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="382"/>
        <source>cannot be before the insured-from date (%1)</source>
        <translation>不能早于参保起始日期（%1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="383"/>
        <source>the employer was insured on the accident day (%1): the fund pays, nothing is advanced (SIL Art. 41)</source>
        <translation>用人单位在事故发生之日（%1）已参保：由工伤保险基金支付，无需先行支付（《社会保险法》第四十一条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="384"/>
        <source>is more than the %1 yuan still to recover from the employer</source>
        <translation>超过尚待向用人单位追偿的%1元</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="386"/>
        <source>the worker is already recorded as missing on this claim</source>
        <translation>本案职工已登记为下落不明</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="387"/>
        <source>claim %1 is not recorded as a death: Art. 41 pays the dependants&apos; pension of a death, so record the claim as fatal first</source>
        <translation>案件%1未登记为因工死亡：第四十一条按因工死亡支付供养亲属抚恤金，请先将案件登记为死亡</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="388"/>
        <source>the claim records the worker&apos;s death on %1: a worker who is known to have died is not missing</source>
        <translation>案件已登记职工于%1死亡：已知死亡的职工不属于下落不明</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="389"/>
        <source>the worker of claim %1 is not recorded as missing</source>
        <translation>案件%1的职工未登记为下落不明</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="390"/>
        <source>the case has already ended: the worker reappeared or was declared dead</source>
        <translation>该情形已经结束：职工已重新出现或已被宣告死亡</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="391"/>
        <source>the advance has already been paid: it is decided once</source>
        <translation>已经预支：预支只核定一次</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="392"/>
        <source>there is no approved assessment with the one-time work-related death subsidy to advance from</source>
        <translation>尚无含一次性工亡补助金的已审批待遇核定，无从预支</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="393"/>
        <source>is more than %1 yuan, half of the one-time death subsidy of %2 yuan (Art. 41)</source>
        <translation>超过%1元，即一次性工亡补助金%2元的50%（第四十一条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="394"/>
        <source>a declaration of death needs the court judgment&apos;s reference</source>
        <translation>宣告死亡须填写人民法院判决书编号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="395"/>
        <source>the employer was not insured on the accident day (%1): it pays every item (Art. 62); record the fund&apos;s advance instead</source>
        <translation>用人单位在事故发生之日（%1）未参保：各项待遇由用人单位支付（第六十二条）；基金先行支付的，请登记先行支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="396"/>
        <source>there is no database in %1</source>
        <translation>%1中没有数据库</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="94"/>
        <source>Diagnosis or appraisal date</source>
        <translation>诊断或鉴定日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="95"/>
        <source>Extended to</source>
        <translation>延长至</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="96"/>
        <source>Notice date</source>
        <translation>通知日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="97"/>
        <source>Missing documents</source>
        <translation>补正材料</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="98"/>
        <source>Documents complete on</source>
        <translation>材料补齐日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="99"/>
        <source>Not accepted on</source>
        <translation>不予受理日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="100"/>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="101"/>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="102"/>
        <source>Delivered on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="103"/>
        <source>Recipient</source>
        <translation>受送达人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="104"/>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="94"/>
        <source>%1 is listed twice</source>
        <translation>%1 重复登记</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="95"/>
        <source>is not a relation the Provisions name (got %1)</source>
        <translation>不是《因工死亡职工供养亲属范围规定》所列的亲属关系（当前为 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="96"/>
        <source>must be male or female (got %1)</source>
        <translation>必须为男或女（当前为 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="97"/>
        <source>%1 is after the worker&apos;s death (%2)</source>
        <translation>%1 晚于职工死亡之日（%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="98"/>
        <source>is not a condition of Art. 3 of the Provisions (got %1)</source>
        <translation>不是《因工死亡职工供养亲属范围规定》第三条所列情形（当前为 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="99"/>
        <source>this condition is not for this relation (Art. 3 of the Provisions)</source>
        <translation>该情形不适用于此亲属关系（《因工死亡职工供养亲属范围规定》第三条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="100"/>
        <source>the person was not yet %1 on the day of the death (%2)</source>
        <translation>职工死亡之日（%2）该亲属未满 %1 周岁</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="101"/>
        <source>the person was already %1 on the day of the death (%2)</source>
        <translation>职工死亡之日（%2）该亲属已满 %1 周岁</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="102"/>
        <source>the complete loss of the capacity to work must be recorded</source>
        <translation>须登记完全丧失劳动能力</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="103"/>
        <source>is not an event that ends the pension (got %1)</source>
        <translation>不是停止享受抚恤金的情形（当前为 %1）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="104"/>
        <source>only the spouse&apos;s remarriage ends the pension (Art. 4 of the Provisions)</source>
        <translation>只有配偶再婚才停止享受抚恤金（《因工死亡职工供养亲属范围规定》第四条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="105"/>
        <source>%1 on %2 is before the worker&apos;s death (%3)</source>
        <translation>%2 的 %1 早于职工死亡之日（%3）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="300"/>
        <source>your role (%1) may not %2</source>
        <translation>您的角色（%1）无权%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="398"/>
        <source>a date of death needs the claim recorded as a death</source>
        <translation>填写死亡日期须将案件登记为因工死亡</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="399"/>
        <source>the worker is recorded as missing: record the court&apos;s declaration of death on the Missing worker tab (Art. 41)</source>
        <translation>职工已登记为下落不明：请在“下落不明”页登记人民法院宣告死亡（第四十一条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="403"/>
        <source>the note to correct does not exist</source>
        <translation>要更正的备注不存在</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="121"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="106"/>
        <source>Recipient&apos;s name</source>
        <translation>受送达人姓名或名称</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="107"/>
        <source>Document type</source>
        <translation>材料类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="108"/>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="140"/>
        <source>the period ends before it starts</source>
        <translation>统计期间的结束日期早于开始日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="142"/>
        <source>the period spans %1 calendar years; at most %2 are reported at once</source>
        <translation>统计期间跨越 %1 个日历年；一次最多统计 %2 年</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="141"/>
        <source>this year already has a headcount: change that entry instead</source>
        <translation>该年度已有职工人数记录：请修改该记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="142"/>
        <source>the headcount entry does not exist or was deleted</source>
        <translation>该职工人数记录不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="143"/>
        <source>the spending record does not exist or was deleted</source>
        <translation>该支出记录不存在或已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="400"/>
        <source>a proposal calculated without the death is waiting, or the death&apos;s own assessment is already proposed or approved: return the waiting proposal first</source>
        <translation>尚有未计入死亡的核定待审批，或因工死亡待遇核定已提交或已审批：请先退回待审批的核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="401"/>
        <source>the suspension period ended on %1 and the approved grade is %2: Art. 39 gives death benefits after the suspension period for grades 1 to 4 only</source>
        <translation>停工留薪期已于%1届满，核定的伤残等级为%2：依第三十九条，停工留薪期满后死亡的，仅一至四级伤残职工的近亲属享受因工死亡待遇</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="405"/>
        <source>the article chosen (%1) does not support the outcome %2</source>
        <translation>所选条款（%1）与认定结论%2不符</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="406"/>
        <source>contains %1, which is not one of the placeholders prefix, year, device and seq</source>
        <translation>含有%1，不是 prefix、year、device、seq 这几个占位符之一</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="407"/>
        <source>must contain %1, or two desktops could issue the same number</source>
        <translation>必须包含%1，否则两台电脑可能出具相同文号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="408"/>
        <source>has a brace { or } without its partner</source>
        <translation>有不成对的花括号 { 或 }</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="409"/>
        <source>%1 is not a numbered document</source>
        <translation>%1不是编号文书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="410"/>
        <source>claim %1 has no such numbered document yet</source>
        <translation>案件%1尚未出具该编号文书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="27"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/rules.py" line="411"/>
        <source>must be %1, the article the determination rests on (got %2)</source>
        <translation>必须为%1，即工伤认定所依据的条款（当前为%2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="221"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="222"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="223"/>
        <source>Spent on</source>
        <translation>支出日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="224"/>
        <source>Supersedes</source>
        <translation>取代</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="225"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="226"/>
        <source>Arrears and overpayments</source>
        <translation>补发与多付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="227"/>
        <source>Dependant</source>
        <translation>供养亲属</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="228"/>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="229"/>
        <source>Advance</source>
        <translation>先行支付金额</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="230"/>
        <source>Advance paid by</source>
        <translation>先行支付经办人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="231"/>
        <source>Outcome recorded by</source>
        <translation>结果登记人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="135"/>
        <source>Legal basis (article)</source>
        <translation>法律依据（条款）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/fields.py" line="105"/>
        <source>Kind of document</source>
        <translation>文书种类</translation>
    </message>
</context>
<context>
    <name>MissingAdvanceDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="687"/>
        <source>Advance from the death subsidy</source>
        <translation>预支一次性工亡补助金</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="692"/>
        <source>At most %1 yuan</source>
        <translation>最多%1元</translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="667"/>
        <source>Record the worker as missing</source>
        <translation>登记职工下落不明</translation>
    </message>
</context>
<context>
    <name>MissingOutcomeDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="712"/>
        <source>How the case ended</source>
        <translation>结案情形</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="720"/>
        <source>The judgment declaring the death</source>
        <translation>宣告死亡的判决书</translation>
    </message>
</context>
<context>
    <name>MissingWorker</name>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="355"/>
        <source>In an accident while away on work</source>
        <translation>因工外出期间发生事故</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="356"/>
        <source>In rescue or disaster relief work</source>
        <translation>在抢险救灾中</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="359"/>
        <source>The worker reappeared</source>
        <translation>职工重新出现</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="360"/>
        <source>A court declared the worker dead</source>
        <translation>人民法院宣告职工死亡</translation>
    </message>
</context>
<context>
    <name>MissingWorkerTab</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="748"/>
        <source>Record the worker as missin&amp;g…</source>
        <translation>登记职工下落不明(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="750"/>
        <source>Ad&amp;vance from the death subsidy…</source>
        <translation>预支一次性工亡补助金(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="752"/>
        <source>Ho&amp;w the case ended…</source>
        <translation>登记结案情形(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="775"/>
        <source>A worker missing after an accident while away on work, or in rescue or disaster relief work: wages as before for three months from the accident month; from the 4th month the fund pays the dependants&apos; pension; a family in hardship may be advanced up to half of the one-time death subsidy; once a court declares the death, the death benefits apply (Art. 41).</source>
        <translation>职工因工外出期间发生事故或者在抢险救灾中下落不明的，从事故发生当月起3个月内照发工资，从第4个月起由工伤保险基金向其供养亲属按月支付供养亲属抚恤金；生活有困难的，可以预支一次性工亡补助金的50%；职工被人民法院宣告死亡的，按照因工死亡的规定处理（第四十一条）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="790"/>
        <source>The worker is not recorded as missing.</source>
        <translation>职工未登记为下落不明。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="791"/>
        <source>The claim is not recorded as a death: Art. 41 pays the dependants&apos; pension of a death.</source>
        <translation>案件未登记为因工死亡：第四十一条按因工死亡支付供养亲属抚恤金。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="797"/>
        <source>Missing since the accident (%1), reported on %2; recorded by %3.</source>
        <translation>自事故发生起下落不明（%1），于%2报告；登记人：%3。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="799"/>
        <source>Wages as before, paid by the employer: %1 to %2 (the accident month and the two after it).</source>
        <translation>由用人单位照发工资：%1至%2（事故发生当月及其后两个月）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="801"/>
        <source>Dependants&apos; pension paid by the fund from %1 (the 4th month).</source>
        <translation>自%1（第4个月）起由基金支付供养亲属抚恤金。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="805"/>
        <source>Advanced from the one-time death subsidy: %1 yuan on %2 (%3), decided by %4.</source>
        <translation>已预支一次性工亡补助金：%1元，日期%2（%3），核定人：%4。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="809"/>
        <source>Nothing advanced; at most %1 yuan, half of the one-time death subsidy of %2 yuan.</source>
        <translation>尚未预支；最多可预支%1元，即一次性工亡补助金%2元的50%。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="812"/>
        <source>Nothing can be advanced before an assessment with the one-time death subsidy is approved.</source>
        <translation>含一次性工亡补助金的待遇核定审批前不能预支。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="816"/>
        <source>Declared dead by the court on %1 (%2): the death benefits apply (Art. 39); due now: funeral subsidy %3 yuan, one-time death subsidy less the advance %4 yuan.</source>
        <translation>人民法院于%1宣告死亡（%2）：按因工死亡待遇处理（第三十九条）；现应支付：丧葬补助金%3元，一次性工亡补助金扣除预支部分后%4元。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="821"/>
        <source>The worker reappeared on %1: the pension stops. To recover: pensions paid %2 yuan and the advance, %3 yuan in all.</source>
        <translation>职工于%1重新出现：停发抚恤金。应追回：已付抚恤金%2元及预支款，共计%3元。</translation>
    </message>
</context>
<context>
    <name>MonthlyRunPage</name>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="71"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="73"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="75"/>
        <source>Mark &amp;paid…</source>
        <translation>登记已支付(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="77"/>
        <source>Write the &amp;notices into the payments</source>
        <translation>将调整通知写入支付计划(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="79"/>
        <source>Give every unpaid stored payment of an adjusted benefit its amount with the notices published by today and schedule the back pay of the months already paid (Art. 40). Applying twice changes nothing.</source>
        <translation>按截至今日已发布的调整通知，更新各项已调整待遇中尚未支付的支付计划金额，并为已支付的月份安排补发（第四十条）。重复执行不会再作改动。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="85"/>
        <source>Back pay (late notice)</source>
        <translation>补发（调整通知晚发布）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="87"/>
        <source>Claim number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="88"/>
        <source>Worker</source>
        <translation>职工</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="89"/>
        <source>Paid to</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="90"/>
        <source>Benefit</source>
        <translation>待遇项目</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="92"/>
        <source>Payer</source>
        <translation>支付方</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="93"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="94"/>
        <source>Before adjustments</source>
        <translation>调整前金额</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="96"/>
        <source>Approved on</source>
        <translation>核定日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="175"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="177"/>
        <source>Adjustment notices</source>
        <translation>调整通知</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="97"/>
        <source>Stored payment</source>
        <translation>支付计划</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="98"/>
        <source>paid %1</source>
        <translation>已于%1支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="104"/>
        <source>Press Enter or double-click to open the claim.</source>
        <translation>按回车键或双击打开案件。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="121"/>
        <source>Computed from each claim in payment: the approved assessment in force pays its monthly benefits from the month after its approval, raised by the region&apos;s adjustment notices published by the first of the month (Art. 40); a notice published since the last run adds its back pay. Each dependant&apos;s pension is paid to that person&apos;s payee.</source>
        <translation>按每件处于支付阶段的案件计算：现行有效的已审批待遇核定自审批次月起按月发放，并按当月1日前已公布的统筹地区调整通知调整（第四十条）；上次发放后公布的调整通知另计补发。供养亲属抚恤金分别支付给各人的领取人。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="164"/>
        <source>%1 payments, %2 yuan in all</source>
        <translation>共%1笔，合计%2元</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="190"/>
        <source>Writing the notices into the payments…</source>
        <translation>正在将调整通知写入支付计划…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="196"/>
        <source>%1 payments given their adjusted amount; %2 back-pay payments of %3 yuan scheduled.</source>
        <translation>已按调整后金额更新%1笔支付；已安排%2笔补发，共%3元。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="199"/>
        <source>Overpaid by a lowering notice: %1 yuan (not scheduled).</source>
        <translation>因下调通知多付：%1元（未安排扣回）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="213"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="214"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="221"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="227"/>
        <source>%1 payments written to %2</source>
        <translation>已将%1笔支付写入%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="174"/>
        <source>Select a line to see its legal basis and the adjustment notices applied.</source>
        <translation>选择一行以查看其法律依据和所适用的调整通知。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/monthly_run_page.py" line="176"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>NewClaimWizard</name>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="391"/>
        <source>New claim</source>
        <translation>新建申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="448"/>
        <source>%1 – %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="217"/>
        <source>Written</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="218"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="219"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="220"/>
        <source>[correction] </source>
        <translation>【更正】</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="226"/>
        <source>New note (saved notes cannot be changed; correct one with a new note)</source>
        <translation>新备注（已保存的备注不可修改；如需更正请另写一条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="228"/>
        <source>Add &amp;note</source>
        <translation>添加备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="230"/>
        <source>Add as &amp;correction of the selected note</source>
        <translation>作为所选备注的更正添加(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/case_file.py" line="262"/>
        <source>Select the note to correct.</source>
        <translation>请选择要更正的备注。</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="57"/>
        <source>Open rehabilitation case</source>
        <translation>新建康复案件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="62"/>
        <source>&amp;Claim number</source>
        <translation>申报编号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="63"/>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="70"/>
        <source>&amp;Referral type</source>
        <translation>康复类型(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="71"/>
        <source>&amp;Provider</source>
        <translation>康复机构(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="72"/>
        <source>&amp;Budget (yuan)</source>
        <translation>预算（元）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="74"/>
        <source>&amp;Opened on</source>
        <translation>立案日期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="113"/>
        <source>%1 · injury %2 on %3</source>
        <translation>%1 · %3 %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="122"/>
        <source>Looking up the claim…</source>
        <translation>正在查找申报…</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../injury_desk/ui/operations.py" line="105"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="42"/>
        <source>The schedule is made when a supervisor approves the assessment: one-time benefits are due on the approval day, monthly benefits on the first of each of the following 12 months.</source>
        <translation>审核人审核通过后生成支付计划：一次性待遇于审核通过当日应付，按月待遇于此后12个月每月1日应付。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="48"/>
        <source>Due on</source>
        <translation>应付日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="48"/>
        <source>Benefit</source>
        <translation>待遇项目</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="48"/>
        <source>Payer</source>
        <translation>支付方</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="49"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="49"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="49"/>
        <source>Paid on</source>
        <translation>支付日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="50"/>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="59"/>
        <source>Record &amp;payment…</source>
        <translation>登记支付(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="81"/>
        <source>Arrears: %1</source>
        <translation>补发：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="83"/>
        <source>Back pay (Art. 40 notice): %1</source>
        <translation>补发（第四十条调整通知）：%1</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="437"/>
        <source>replace an office&apos;s database with the demo data</source>
        <translation>用演示数据替换机构数据库</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="418"/>
        <source>see claims</source>
        <translation>查看申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="419"/>
        <source>create claims</source>
        <translation>新建申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="420"/>
        <source>change claims</source>
        <translation>修改申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="421"/>
        <source>delete claims</source>
        <translation>删除申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="422"/>
        <source>take the steps of a claim</source>
        <translation>办理申报的各个步骤</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="423"/>
        <source>see full ID numbers</source>
        <translation>查看完整的身份证号码</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="424"/>
        <source>change people&apos;s details</source>
        <translation>修改人员信息</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="425"/>
        <source>change employers</source>
        <translation>修改用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="426"/>
        <source>record inspections, training and incidents</source>
        <translation>记录检查、培训和事故</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="427"/>
        <source>change rehabilitation cases</source>
        <translation>修改康复案件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="428"/>
        <source>see rehabilitation statistics</source>
        <translation>查看康复统计</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="429"/>
        <source>propose benefit assessments</source>
        <translation>提出待遇核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="430"/>
        <source>approve benefit assessments</source>
        <translation>审批待遇核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="431"/>
        <source>record payments</source>
        <translation>登记支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="432"/>
        <source>manage user accounts</source>
        <translation>管理用户账户</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="433"/>
        <source>export the database key</source>
        <translation>导出数据库密钥</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="434"/>
        <source>import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="435"/>
        <source>export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="436"/>
        <source>reset the demo data</source>
        <translation>重置演示数据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="438"/>
        <source>see the whole office&apos;s tasks</source>
        <translation>查看全机构的任务</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="439"/>
        <source>sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="440"/>
        <source>enrol this desktop</source>
        <translation>登记本机</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="441"/>
        <source>change the sync settings</source>
        <translation>修改同步设置</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="442"/>
        <source>settle sync conflicts</source>
        <translation>处理同步冲突</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="210"/>
        <source>Add rehabilitation plan</source>
        <translation>添加康复计划</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="211"/>
        <source>&amp;Drawn up on</source>
        <translation>制定日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="213"/>
        <source>&amp;Review on</source>
        <translation>复查日期(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="213"/>
        <source>optional, yyyy-mm-dd</source>
        <translation>可选，格式 yyyy-mm-dd</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="214"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>PlanInspectionDialog</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="51"/>
        <source>Plan inspection</source>
        <translation>计划检查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="53"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="54"/>
        <source>&amp;Employer</source>
        <translation>用人单位(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="56"/>
        <source>&amp;Planned on</source>
        <translation>计划日期(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="57"/>
        <source>&amp;Inspector</source>
        <translation>检查人(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="58"/>
        <source>empty: %1</source>
        <translation>留空则为：%1</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="223"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="224"/>
        <source>Plan a new inspection or pick one planned earlier. Tick the box when the visit took place, to record its findings now.</source>
        <translation>计划新的检查，或选择之前计划的检查。如已实地检查，请勾选下方选项，立即登记检查发现。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="226"/>
        <source>&amp;New inspection</source>
        <translation>新检查(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="227"/>
        <source>&amp;Planned inspection:</source>
        <translation>已计划的检查(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="278"/>
        <source>%1 · planned %2</source>
        <translation>%1 · 计划 %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="238"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="241"/>
        <source>empty: %1</source>
        <translation>留空：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="243"/>
        <source>The &amp;visit took place: record its findings now</source>
        <translation>已实地检查，立即登记检查发现(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="248"/>
        <source>&amp;Employer:</source>
        <translation>用人单位(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="249"/>
        <source>Planned &amp;on:</source>
        <translation>计划日期(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="250"/>
        <source>&amp;Inspector:</source>
        <translation>检查人(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>Prevention</name>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="207"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="208"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="209"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="210"/>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="213"/>
        <source>Open</source>
        <translation>未整改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="214"/>
        <source>Corrected</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="217"/>
        <source>Accident</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="218"/>
        <source>Near miss</source>
        <translation>未遂事件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="221"/>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="222"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="223"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="45"/>
        <source>Bilingual (中文 + English)</source>
        <translation>双语（中文 + English）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="46"/>
        <source>中文</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="47"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="82"/>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="91"/>
        <source>&amp;Labels:</source>
        <translation>标签语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="95"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="96"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="98"/>
        <source>&amp;Zoom:</source>
        <translation>缩放(&amp;Z)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="119"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="122"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="125"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="165"/>
        <source>Rendering…</source>
        <translation>正在生成…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/print_preview.py" line="191"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="199"/>
        <source>Not rendered</source>
        <translation>未生成</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="201"/>
        <source>Cannot print this form</source>
        <translation>无法打印此表单</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="218"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="219"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="228"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="232"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/print_preview.py" line="246"/>
        <source>%n page(s) sent to the printer</source>
        <translation>
            <numerusform>已向打印机发送 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="263"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_preview.py" line="263"/>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/record_dialog.py" line="134"/>
        <source>no grade</source>
        <translation>无等级</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/record_dialog.py" line="139"/>
        <source>months</source>
        <translation>个月</translation>
    </message>
</context>
<context>
    <name>RecordPaymentDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="127"/>
        <source>Record payment</source>
        <translation>登记支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="129"/>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="130"/>
        <source>Due on:</source>
        <translation>应付日期：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="135"/>
        <source>&amp;Paid on:</source>
        <translation>支付日期(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_payments.py" line="136"/>
        <source>&amp;Reference:</source>
        <translation>凭证号(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>RecordPrintMenu</name>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="133"/>
        <source>Blank form, to fill in by hand…</source>
        <translation>空白表单（手工填写）…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="140"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="140"/>
        <source>Select a record first.</source>
        <translation>请先选择一条记录。</translation>
    </message>
</context>
<context>
    <name>RecordVisitDialog</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="75"/>
        <source>Record inspection visit</source>
        <translation>登记检查结果</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="77"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="77"/>
        <source>%1 · planned %2</source>
        <translation>%1 · 计划于 %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="79"/>
        <source>&amp;Inspected on</source>
        <translation>检查日期(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspections_page.py" line="81"/>
        <source>&amp;Summary</source>
        <translation>检查情况(&amp;S)</translation>
    </message>
</context>
<context>
    <name>RecurrenceDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="399"/>
        <source>Reopen the claim for a recurrence</source>
        <translation>因工伤复发重新开启案件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="402"/>
        <source>Art. 38: a recurrence confirmed to need treatment pays medical treatment (Art. 30), assistive devices (Art. 32) and the suspension period with its wages and nursing (Art. 33) again; a changed grade is a re-appraisal or review.</source>
        <translation>第三十八条：工伤复发经确认需要治疗的，再次享受医疗待遇（第三十条）、辅助器具（第三十二条）以及停工留薪期的工资福利和护理（第三十三条）；伤残等级变化的，属于再次鉴定或复查鉴定。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="410"/>
        <source>The hospital or appraisal committee, and its reference</source>
        <translation>医疗机构或劳动能力鉴定委员会及其文号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="413"/>
        <source>A suspension period starts with the recurrence</source>
        <translation>本次复发开始停工留薪期</translation>
    </message>
</context>
<context>
    <name>RecurrenceSuspensionDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="442"/>
        <source>Suspension period of the recurrence</source>
        <translation>工伤复发的停工留薪期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="451"/>
        <source>The period has ended</source>
        <translation>停工留薪期已结束</translation>
    </message>
</context>
<context>
    <name>RecurrencesTab</name>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="477"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="477"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="479"/>
        <source>Occurred on</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="480"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="481"/>
        <source>confirmed by %1</source>
        <translation>确认单位：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="482"/>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="483"/>
        <source>Suspension period</source>
        <translation>停工留薪期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="485"/>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="488"/>
        <source>(ended)</source>
        <translation>（已结束）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="488"/>
        <source>(last day, not ended)</source>
        <translation>（最后一日，未结束）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="490"/>
        <source>Suspension wages (employer)</source>
        <translation>停工留薪期工资（单位支付）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="491"/>
        <source>%1 months × %2 = %3</source>
        <translation>%1个月 × %2 = %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="493"/>
        <source>Nursing (Art. 33)</source>
        <translation>护理（第三十三条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="501"/>
        <source>&amp;Reopen for a recurrence…</source>
        <translation>因工伤复发重新开启(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="503"/>
        <source>&amp;Suspension period of the selected recurrence…</source>
        <translation>所选复发的停工留薪期(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="523"/>
        <source>A closed claim is reopened when the injury recurs and treatment is confirmed as needed (Art. 38). The recurrence&apos;s medical and other costs are proposed on the Costs tab.</source>
        <translation>工伤复发并经确认需要治疗的，已结案的案件重新开启（第三十八条）。复发期间的医疗费等费用在“费用”标签页提出。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/claim_life.py" line="545"/>
        <source>Select the recurrence first.</source>
        <translation>请先选择工伤复发记录。</translation>
    </message>
</context>
<context>
    <name>RegionRules</name>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="84"/>
        <source>Example Province (illustrative figures, not official)</source>
        <translation>示例省（示意数字，非官方数据）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="85"/>
        <source>illustrative figures, not official</source>
        <translation>示意数字，非官方数据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="86"/>
        <source>Example Province schedule</source>
        <translation>示例省标准</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="87"/>
        <source>Example Province notice on the 2024 adjustment of work-injury benefits (illustrative figures, not official)</source>
        <translation>示例省关于2024年调整工伤保险待遇的通知（示意数字，非官方数据）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/formulas.py" line="88"/>
        <source>Example Province notice on the 2025 adjustment of work-injury benefits (illustrative figures, not official)</source>
        <translation>示例省关于2025年调整工伤保险待遇的通知（示意数字，非官方数据）</translation>
    </message>
</context>
<context>
    <name>Rehab</name>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="191"/>
        <source>Medical</source>
        <translation>医疗</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="192"/>
        <source>Vocational</source>
        <translation>职业</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="193"/>
        <source>Social</source>
        <translation>社会</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="196"/>
        <source>Back in the same job</source>
        <translation>回到原岗位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="197"/>
        <source>Back in a modified job</source>
        <translation>回到调整后的岗位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="198"/>
        <source>Other job, same employer</source>
        <translation>原单位其他岗位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="199"/>
        <source>Works for a new employer</source>
        <translation>到新单位工作</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="200"/>
        <source>Has not returned to work</source>
        <translation>未返岗</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="203"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="204"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="226"/>
        <source>Barthel index (0–100)</source>
        <translation>巴氏指数（日常生活活动能力，0–100）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="227"/>
        <source>Pain score (0–10)</source>
        <translation>疼痛评分（0–10）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="228"/>
        <source>Work capacity (hours/week, 0–168)</source>
        <translation>工作能力（小时/周，0–168）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="231"/>
        <source>Barthel index</source>
        <translation>巴氏指数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="232"/>
        <source>pain score</source>
        <translation>疼痛评分</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="233"/>
        <source>work hours per week</source>
        <translation>每周工作小时</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="236"/>
        <source>attended</source>
        <translation>已参加</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="237"/>
        <source>missed</source>
        <translation>缺席</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="238"/>
        <source>booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="241"/>
        <source>Session coming up</source>
        <translation>即将进行的服务</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="242"/>
        <source>Attendance not recorded</source>
        <translation>出勤未记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="243"/>
        <source>Session missed: book another</source>
        <translation>服务缺席：请重新预约</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="244"/>
        <source>Goal past its date</source>
        <translation>目标已过期限</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="245"/>
        <source>Plan due for review</source>
        <translation>计划待复查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="248"/>
        <source>Amputation</source>
        <translation>截肢</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="249"/>
        <source>Head injury</source>
        <translation>颅脑损伤</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="250"/>
        <source>Spinal cord injury</source>
        <translation>脊髓损伤</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="251"/>
        <source>Fracture</source>
        <translation>骨折</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="252"/>
        <source>Dislocation</source>
        <translation>脱位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="253"/>
        <source>Burn</source>
        <translation>烧烫伤</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="254"/>
        <source>Poisoning</source>
        <translation>中毒</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="255"/>
        <source>Occupational disease</source>
        <translation>职业病</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="256"/>
        <source>Wound</source>
        <translation>创伤（裂伤、割伤、刺伤）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="257"/>
        <source>Contusion or sprain</source>
        <translation>挫伤或扭伤</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="258"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>RehabCasesPage</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="132"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="51"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="52"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="53"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="54"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="57"/>
        <source>&amp;Open case…</source>
        <translation>新建案件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="61"/>
        <source>Claim number</source>
        <translation>申报编号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="62"/>
        <source>Worker</source>
        <translation>职工</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="63"/>
        <source>Referral</source>
        <translation>康复类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="65"/>
        <source>Provider</source>
        <translation>康复机构</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="66"/>
        <source>Budget (yuan)</source>
        <translation>预算（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="67"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="68"/>
        <source>Opened on</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="80"/>
        <source>&amp;Print plan…</source>
        <translation>打印康复计划(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="104"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="108"/>
        <source>Return-to-work statistics</source>
        <translation>返岗统计</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/rehab/cases_page.py" line="162"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 个案件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RehabClaimSummary</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/claim_summary.py" line="20"/>
        <source>Rehabilitation</source>
        <translation>康复</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/claim_summary.py" line="23"/>
        <source>No rehabilitation case.</source>
        <translation>无康复案件。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/claim_summary.py" line="25"/>
        <source>No rehabilitation case: only a recognised or deemed injury can be referred.</source>
        <translation>无康复案件：只有认定或视同工伤的才能转介康复。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/claim_summary.py" line="29"/>
        <source>Open a rehabilitation case…</source>
        <translation>新建康复案件…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/claim_summary.py" line="34"/>
        <source>%1 at %2 · %3 since %4</source>
        <translation>%1康复 · %2 · 自 %4 起%3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/claim_summary.py" line="37"/>
        <source>Budget used: %1 of %2 yuan (%3 %)</source>
        <translation>预算使用：%1 / %2 元（%3%）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/claim_summary.py" line="42"/>
        <source>not recorded yet</source>
        <translation>尚未记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/claim_summary.py" line="43"/>
        <source>Return to work: %1</source>
        <translation>返岗情况：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/claim_summary.py" line="46"/>
        <source>%1 (%2): no measurement yet, target %3</source>
        <translation>%1（%2）：尚无评估，目标 %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/claim_summary.py" line="49"/>
        <source>%1 (%2): %3 on %4, target %5</source>
        <translation>%1（%2）：%4 为 %3，目标 %5</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/claim_summary.py" line="52"/>
        <source>Open case…</source>
        <translation>打开案件…</translation>
    </message>
</context>
<context>
    <name>RehabStatsPage</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="51"/>
        <source>By injury type</source>
        <translation>按伤害类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="52"/>
        <source>By employer</source>
        <translation>按用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="53"/>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="65"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="72"/>
        <source>Workers with a rehabilitation case, counted from the accident date. “Back at work”: any recorded return other than “has not returned”. An injury counts for a period only once the period has passed, so recent injuries do not lower the share.</source>
        <translation>统计对象为有康复案件的职工，自事故发生之日起计算。“已返岗”指记录了除“未返岗”以外的任何返岗结果。某一期限届满后该伤者才计入该期限，因此新近受伤者不会拉低比例。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="87"/>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="271"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="88"/>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="271"/>
        <source>Workers</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="89"/>
        <source>Within 3 months</source>
        <translation>3 个月内</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="90"/>
        <source>Within 6 months</source>
        <translation>6 个月内</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="91"/>
        <source>Within 12 months</source>
        <translation>12 个月内</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="148"/>
        <source>— (none yet)</source>
        <translation>—（暂无）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="155"/>
        <source>%1 % (%2 of %3)</source>
        <translation>%1%（%3 人中 %2 人）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="178"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="221"/>
        <source>Back at work (% of workers whose period has passed)</source>
        <translation>已返岗比例（期限已届满者中的 %）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="227"/>
        <source>within %1 months</source>
        <translation>%1 个月内</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="262"/>
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="263"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="271"/>
        <source>Grouped by</source>
        <translation>分组方式</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="273"/>
        <source>Eligible (%1 months)</source>
        <translation>应计人数（%1 个月）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="274"/>
        <source>Back (%1 months)</source>
        <translation>返岗人数（%1 个月）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="275"/>
        <source>Share % (%1 months)</source>
        <translation>比例 %（%1 个月）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="278"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="241"/>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="278"/>
        <source>Injury type</source>
        <translation>伤害类型</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="242"/>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="279"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="290"/>
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>已保存 %n 行到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="61"/>
        <source>Injured &amp;from:</source>
        <translation>受伤日期从(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="63"/>
        <source>&amp;to:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="92"/>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="276"/>
        <source>Back</source>
        <translation>已复工</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="93"/>
        <source>Median days</source>
        <translation>天数中位数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="95"/>
        <source>Mean days</source>
        <translation>平均天数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="97"/>
        <source>Same employer</source>
        <translation>原单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="99"/>
        <source>New employer</source>
        <translation>新单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="173"/>
        <source>The period ends before it starts.</source>
        <translation>统计期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="189"/>
        <source>Injuries from %1 to %2, as of %3.</source>
        <translation>受伤日期 %1 至 %2，统计日 %3。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="212"/>
        <source>All %1 workers with rehabilitation: within 3 months %2 · 6 months %3 · 12 months %4. Back at work: %5; days from injury to return: median %6, mean %7; same employer %8, new employer %9.</source>
        <translation>全部 %1 名接受康复的职工：3 个月内 %2 · 6 个月内 %3 · 12 个月内 %4。已复工：%5 人；受伤至复工天数：中位数 %6，平均 %7；回原单位 %8，到新单位 %9。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="240"/>
        <source>Back at work (%)</source>
        <translation>已复工（%）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="276"/>
        <source>Median days to return</source>
        <translation>复工天数中位数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="276"/>
        <source>Mean days to return</source>
        <translation>平均复工天数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="277"/>
        <source>Same employer %</source>
        <translation>回原单位 %</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/stats_page.py" line="277"/>
        <source>New employer %</source>
        <translation>到新单位 %</translation>
    </message>
</context>
<context>
    <name>RejectedView</name>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="43"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="44"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="45"/>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="46"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="47"/>
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="48"/>
        <source>Values</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="59"/>
        <source>The central service refused these changes. They stay on this desktop and never block the rest of the queue. Correct a change to send it again, or discard it to put the record back as it was.</source>
        <translation>中心服务拒绝了以下更改。它们保留在本机，不会阻塞队列中的其他更改。更正后可重新发送，或放弃以将记录恢复原状。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="62"/>
        <source>No refused changes.</source>
        <translation>没有被拒绝的更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="63"/>
        <source>C&amp;orrect…</source>
        <translation>更正(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="65"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="79"/>
        <source>Only a caseworker or a supervisor can correct or discard a change.</source>
        <translation>只有经办人或审核人可以更正或放弃更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="115"/>
        <source>Reason: %1
Values: %2</source>
        <translation>原因：%1
值：%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="134"/>
        <source>Discard the refused change</source>
        <translation>放弃被拒绝的更改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/rejected.py" line="135"/>
        <source>Discard change no. %1 to %2? The record goes back to its values before the change (a new record is withdrawn). This is recorded in the audit log.</source>
        <translation>放弃对%2的第 %1 号更改？记录将恢复为更改前的值（新建的记录将撤回）。此操作会记入审计日志。</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="333"/>
        <source>Return the proposal</source>
        <translation>退回核定结果</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_dialog.py" line="335"/>
        <source>&amp;Reason (the caseworker sees it):</source>
        <translation>退回理由（经办人可见）(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>ReturnToWorkDialog</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="423"/>
        <source>Record return to work</source>
        <translation>返岗登记</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="425"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="428"/>
        <source>&amp;Outcome</source>
        <translation>返岗结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="429"/>
        <source>&amp;Back at work on</source>
        <translation>返岗日期(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="429"/>
        <source>yyyy-mm-dd</source>
        <translation>yyyy-mm-dd</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="430"/>
        <source>&amp;Restrictions</source>
        <translation>工作限制(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="431"/>
        <source>&amp;Accommodations</source>
        <translation>岗位调整(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ReviewPlanDialog</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="329"/>
        <source>Review plan</source>
        <translation>复查计划</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="330"/>
        <source>P&amp;lan</source>
        <translation>计划(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="332"/>
        <source>Review due</source>
        <translation>应复查日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="333"/>
        <source>Reviewed &amp;on</source>
        <translation>复查日期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="335"/>
        <source>&amp;Next review on</source>
        <translation>下次复查(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="336"/>
        <source>optional, yyyy-mm-dd</source>
        <translation>可选，格式 yyyy-mm-dd</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="337"/>
        <source>&amp;Findings</source>
        <translation>复查结论(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="344"/>
        <source>not planned</source>
        <translation>未安排</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="362"/>
        <source>Schedule session</source>
        <translation>安排康复服务</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="363"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="363"/>
        <source>%1 of %2 yuan left</source>
        <translation>预算 %2 元，剩余 %1 元</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="364"/>
        <source>P&amp;lan</source>
        <translation>计划(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="365"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="366"/>
        <source>&amp;Kind</source>
        <translation>服务类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="367"/>
        <source>e.g. physiotherapy</source>
        <translation>例如：物理治疗</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="368"/>
        <source>&amp;Cost (yuan)</source>
        <translation>费用（元）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="372"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="373"/>
        <source>&amp;Approve going over the budget</source>
        <translation>批准超出预算(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="377"/>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="393"/>
        <source>This session takes the case %1 yuan over its budget of %2 yuan.</source>
        <translation>此次服务将使案件超出预算 %2 元达 %1 元。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="401"/>
        <source>Careful: with this session %1 % of the budget is committed (%2 yuan left).</source>
        <translation>注意：加上此次服务，预算已占用 %1%（剩余 %2 元）。</translation>
    </message>
</context>
<context>
    <name>SpendDialog</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="32"/>
        <source>New prevention spend</source>
        <translation>新增工伤预防支出</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="32"/>
        <source>Edit prevention spend</source>
        <translation>编辑工伤预防支出</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="37"/>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="38"/>
        <source>&amp;Title</source>
        <translation>名称(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="39"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="40"/>
        <source>&amp;Amount (yuan)</source>
        <translation>金额（元）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="41"/>
        <source>&amp;Contract or approval no.</source>
        <translation>合同或批复文号(&amp;C)</translation>
    </message>
</context>
<context>
    <name>SpendingList</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="71"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="72"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="73"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="74"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="75"/>
        <source>Contract or approval no.</source>
        <translation>合同或批复文号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="78"/>
        <source>&amp;New spend…</source>
        <translation>新增支出(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="79"/>
        <source>Edi&amp;t…</source>
        <translation>编辑(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="80"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="87"/>
        <source>Funded projects and publicity</source>
        <translation>预防项目与宣传</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="93"/>
        <source>Training sessions are recorded on the Training page with their cost.</source>
        <translation>培训及其费用在“培训”页登记。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="21"/>
        <source>Funded project</source>
        <translation>预防项目</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/spending_list.py" line="22"/>
        <source>Publicity</source>
        <translation>宣传</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="104"/>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="264"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="104"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="107"/>
        <source>&amp;Group by:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="99"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="101"/>
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="115"/>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="165"/>
        <source>Days lost</source>
        <translation>损失工作日</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="166"/>
        <source>Benefit costs (yuan)</source>
        <translation>待遇支出（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="123"/>
        <source>C&amp;hart:</source>
        <translation>图表(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="126"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="128"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="155"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="156"/>
        <source>Workers</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="159"/>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="319"/>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="340"/>
        <source>(no industry recorded)</source>
        <translation>（未登记行业）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="404"/>
        <source>Whole office</source>
        <translation>全中心</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="440"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="441"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="450"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="105"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="110"/>
        <source>Recognised injuries per 100 workers</source>
        <translation>每百名职工认定工伤数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="111"/>
        <source>Pending claims per 100 workers</source>
        <translation>每百名职工待认定申请数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="112"/>
        <source>Claims not recognised per 100 workers</source>
        <translation>每百名职工不予认定申请数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="113"/>
        <source>Accidents per 100 workers</source>
        <translation>每百名职工事故数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="114"/>
        <source>Near misses per 100 workers</source>
        <translation>每百名职工未遂事件数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="116"/>
        <source>Benefit costs</source>
        <translation>待遇支出</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="118"/>
        <source>per 100 workers</source>
        <translation>每百名职工</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="119"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="119"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="183"/>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="243"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="210"/>
        <source>Closed (of raised)</source>
        <translation>已整改（占提出数）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="212"/>
        <source>Closed on time (of due)</source>
        <translation>按期整改（占到期数）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="214"/>
        <source>Median days to close</source>
        <translation>整改天数中位数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="218"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="220"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="225"/>
        <source>Closed: actions raised at an inspection in the period and closed by its end. On time: actions due in the period and closed on or before their due date (an extension moves it). Days to close: from the inspection to the closing, over the actions closed in the period.</source>
        <translation>已整改：统计期间内检查提出、并在期末前完成的整改措施。按期整改：统计期间内到期、并在到期日当日或之前完成的整改措施（延期后以新到期日为准）。整改天数：从检查之日到完成之日，按统计期间内完成的整改措施计算。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="244"/>
        <source>Training (yuan)</source>
        <translation>培训（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="245"/>
        <source>Projects (yuan)</source>
        <translation>项目（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="246"/>
        <source>Publicity (yuan)</source>
        <translation>宣传（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="247"/>
        <source>Total (yuan)</source>
        <translation>合计（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="248"/>
        <source>Cap (yuan)</source>
        <translation>上限（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="250"/>
        <source>Share of cap</source>
        <translation>占上限比例</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="265"/>
        <source>Workers, three years</source>
        <translation>职工人数（三年）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="267"/>
        <source>Recognised / 100, three years</source>
        <translation>认定工伤/百人（三年）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="269"/>
        <source>Recognised, three years</source>
        <translation>认定工伤数（三年）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="282"/>
        <source>Injuries and incidents</source>
        <translation>工伤与事件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="283"/>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="284"/>
        <source>Prevention spending</source>
        <translation>工伤预防支出</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="285"/>
        <source>Rising injury rates</source>
        <translation>工伤发生率上升</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="314"/>
        <source>The period ends before it starts.</source>
        <translation>统计期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="351"/>
        <source>Whole office %1: %2 workers; recognised injuries %3 per 100 workers (%4 of %2); pending %5; not recognised %6; accidents %7; near misses %8.</source>
        <translation>全机构 %1 年：职工 %2 人；每百名职工认定工伤 %3（%2 人中 %4 起）；待认定 %5；不予认定 %6；事故 %7；未遂事件 %8。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="355"/>
        <source>No headcount for %1, left out of every rate (their claims and incidents too): %2</source>
        <translation>%1 年未登记职工人数，不计入任何发生率（其申请和事件也不计入）：%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="363"/>
        <source>Recognised injuries per 100 workers rose in each of the last two complete years (%1 → %2 → %3), on each year&apos;s headcount, with at least %4 recognised injuries in %3: candidates for an experience-rated premium and a prevention visit.</source>
        <translation>按各年度职工人数计算，每百名职工认定工伤数在最近两个完整年度逐年上升（%1 → %2 → %3），且 %3 年至少有 %4 起认定工伤：可考虑浮动费率并安排预防走访。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="366"/>
        <source>Each year&apos;s rates use that year&apos;s headcount; %1 to %2.</source>
        <translation>各年度发生率均以该年度职工人数计算；统计期间 %1 至 %2。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="374"/>
        <source>Whole office: closed %1 · closed on time %2 · median days to close %3</source>
        <translation>全机构：已整改 %1 · 按期整改 %2 · 整改天数中位数 %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="377"/>
        <source>No corrective actions were raised, due or closed in the period.</source>
        <translation>统计期间内没有提出、到期或完成的整改措施。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="382"/>
        <source>Every prevention spend counts against the cap: training, funded projects and publicity. The cap is a share of the region&apos;s fund income of the year before (resources/rules/prevention).</source>
        <translation>各项工伤预防支出（培训、预防项目、宣传）均计入上限。上限为统筹地区上年度工伤保险基金征缴收入的一定比例（见 resources/rules/prevention）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="385"/>
        <source>Over the cap in %1.</source>
        <translation>%1 年超出上限。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="458"/>
        <source>%1 figures written to %2</source>
        <translation>已将 %1 项指标写入 %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="158"/>
        <source>Recognised</source>
        <translation>认定工伤</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="161"/>
        <source>Pending</source>
        <translation>待认定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="162"/>
        <source>Not recognised</source>
        <translation>不予认定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="163"/>
        <source>Accidents</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="164"/>
        <source>Near misses</source>
        <translation>未遂事件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/statistics_page.py" line="347"/>
        <source>%1, by %2: rates per 100 workers, the count in brackets</source>
        <translation>%1 年，按%2：每百名职工发生率，括号内为起数</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="45"/>
        <source>Claim %1</source>
        <translation>申报 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="86"/>
        <source>Record the application</source>
        <translation>登记工伤认定申请</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="91"/>
        <source>&amp;Applicant:</source>
        <translation>申请人(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="92"/>
        <source>&amp;Received on:</source>
        <translation>收到日期(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="98"/>
        <source>Accept the application</source>
        <translation>受理申请</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="100"/>
        <source>&amp;Clear case: facts clear, rights and duties clear (decision within 15 days)</source>
        <translation>事实清楚、权利义务明确的案件（15日内作出认定决定）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="101"/>
        <source>&amp;Accepted on:</source>
        <translation>受理日期(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="107"/>
        <source>Record the injury determination</source>
        <translation>登记工伤认定结论</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="127"/>
        <source>A disability &amp;appraisal is needed</source>
        <translation>需要进行劳动能力鉴定(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="129"/>
        <source>&amp;Outcome:</source>
        <translation>认定结论(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="130"/>
        <source>&amp;Decided on:</source>
        <translation>认定日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="131"/>
        <source>Legal &amp;basis:</source>
        <translation>法律依据(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="132"/>
        <source>Decision &amp;number:</source>
        <translation>决定书文号(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="139"/>
        <source>Request the disability appraisal</source>
        <translation>申请劳动能力鉴定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="141"/>
        <source>&amp;Requested on:</source>
        <translation>申请日期(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="146"/>
        <source>Record the appraisal conclusion</source>
        <translation>登记劳动能力鉴定结论</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="150"/>
        <source>No disability grade</source>
        <translation>未达伤残等级</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="152"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="152"/>
        <source>Partial dependency</source>
        <translation>生活部分不能自理</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="153"/>
        <source>Major dependency</source>
        <translation>生活大部分不能自理</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="153"/>
        <source>Full dependency</source>
        <translation>生活完全不能自理</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="155"/>
        <source>&amp;Appraised on:</source>
        <translation>鉴定日期(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="156"/>
        <source>Disability &amp;grade:</source>
        <translation>伤残等级(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="157"/>
        <source>&amp;Nursing dependency:</source>
        <translation>生活自理障碍(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/step_dialog.py" line="126"/>
        <source>assigned when saved, in the office&apos;s pattern</source>
        <translation>保存时按本机构的文号格式自动编号</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../injury_desk/ui/sync/controller.py" line="57"/>
        <source>Sync: state unknown</source>
        <translation>同步：状态未知</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/controller.py" line="59"/>
        <source>Sync: not enrolled</source>
        <translation>同步：未登记</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/controller.py" line="61"/>
        <source>syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/controller.py" line="63"/>
        <source>offline (retrying at %1)</source>
        <translation>离线（%1 重试）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/controller.py" line="65"/>
        <source>offline (retrying)</source>
        <translation>离线（将重试）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/controller.py" line="67"/>
        <source>failed, see the Sync page</source>
        <translation>失败，请查看“同步”页面</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/controller.py" line="69"/>
        <source>last synced %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/controller.py" line="71"/>
        <source>never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/controller.py" line="74"/>
        <source>%n conflict(s)</source>
        <translation>%n 个冲突</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/controller.py" line="76"/>
        <source>%n rejected</source>
        <translation>%n 项被拒绝</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/controller.py" line="77"/>
        <source>Sync: %1</source>
        <translation>同步：%1</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="261"/>
        <source>Office</source>
        <translation>经办机构</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="262"/>
        <source>User account</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="263"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="265"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="266"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="267"/>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="268"/>
        <source>Training session</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="270"/>
        <source>Incident</source>
        <translation>事故事件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="271"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="272"/>
        <source>Claim</source>
        <translation>工伤申报</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="273"/>
        <source>Determination</source>
        <translation>工伤认定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="274"/>
        <source>Appraisal</source>
        <translation>劳动能力鉴定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="275"/>
        <source>Wage record</source>
        <translation>工资记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="276"/>
        <source>Benefit assessment</source>
        <translation>待遇核定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="277"/>
        <source>Payment</source>
        <translation>支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="278"/>
        <source>Rehabilitation case</source>
        <translation>康复案例</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="279"/>
        <source>Rehabilitation plan</source>
        <translation>康复计划</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="280"/>
        <source>Rehabilitation goal</source>
        <translation>康复目标</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="281"/>
        <source>Rehabilitation session</source>
        <translation>康复治疗</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="282"/>
        <source>Measurement</source>
        <translation>测评</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="283"/>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="284"/>
        <source>Dependant</source>
        <translation>供养亲属</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="285"/>
        <source>Cost against a receipt</source>
        <translation>凭票据支付的费用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="295"/>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="296"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="297"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="300"/>
        <source>Central service address</source>
        <translation>中心服务地址</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="301"/>
        <source>Enrolment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="302"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="303"/>
        <source>Choice</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="304"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="305"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="306"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="309"/>
        <source>yes or no</source>
        <translation>“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="310"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="311"/>
        <source>a date and time with its time zone</source>
        <translation>带时区的日期时间</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="312"/>
        <source>a date like 2026-03-01</source>
        <translation>形如 2026-03-01 的日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="313"/>
        <source>file data</source>
        <translation>文件数据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="314"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/common.py" line="62"/>
        <source>No reason was given.</source>
        <translation>未说明原因。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/common.py" line="83"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/common.py" line="85"/>
        <location filename="../../injury_desk/ui/sync/common.py" line="113"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/common.py" line="85"/>
        <location filename="../../injury_desk/ui/sync/common.py" line="114"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/common.py" line="157"/>
        <source>under a minute</source>
        <translation>不到一分钟</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/common.py" line="161"/>
        <source>%n minute(s)</source>
        <translation>%n 分钟</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/common.py" line="163"/>
        <source>%n hour(s)</source>
        <translation>%n 小时</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/common.py" line="164"/>
        <source>%n day(s)</source>
        <translation>%n 天</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="264"/>
        <source>Employer headcount</source>
        <translation>单位职工人数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="269"/>
        <source>Prevention spending</source>
        <translation>工伤预防支出</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="286"/>
        <source>Suspension of the determination</source>
        <translation>认定中止</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="287"/>
        <source>Decision document</source>
        <translation>认定决定文书</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="288"/>
        <source>Delivery of a document</source>
        <translation>文书送达</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="289"/>
        <source>Case note</source>
        <translation>案件备注</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="290"/>
        <source>Recurrence</source>
        <translation>旧伤复发</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="291"/>
        <source>Advance by the fund</source>
        <translation>基金先行支付</translation>
    </message>
    <message>
        <location filename="../../injury_desk/catalogue/labels.py" line="292"/>
        <source>Missing worker</source>
        <translation>职工下落不明</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="63"/>
        <source>This desktop is not yet enrolled with a central sync service, so changes stay on this computer for now. They are kept safely in order and will be sent once the desktop is enrolled.</source>
        <translation>本机尚未登记到中心同步服务，更改暂时保存在本机。这些更改会按顺序安全保存，本机登记后即会发送。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="153"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="60"/>
        <source>Enrol this desktop</source>
        <translation>登记本机</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="264"/>
        <source>Enrol this desktop again</source>
        <translation>重新登记本机</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="265"/>
        <source>The central service no longer accepts this desktop&apos;s credential: its enrolment was withdrawn, or this computer&apos;s keyring lost it. Ask the central administrator for a new one-time code and enrol again. The changes waiting here are kept and sent once the desktop is enrolled.</source>
        <translation>中心同步服务不再接受本机的凭据：本机的登记已被撤销，或本机的密钥环丢失了该凭据。请向中心管理员索取新的一次性登记码并重新登记。本机等待发送的更改会保留，重新登记后即会发送。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="69"/>
        <source>Only a supervisor or an administrator can enrol this desktop.</source>
        <translation>只有审核人或管理员可以登记本机。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="79"/>
        <source>Sync with the central service</source>
        <translation>与中心服务同步</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="99"/>
        <source>Central service:</source>
        <translation>中心服务：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="100"/>
        <source>Waiting to be sent:</source>
        <translation>等待发送：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="101"/>
        <source>Oldest unsent change:</source>
        <translation>最早的未发送更改：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="102"/>
        <source>Last successful sync:</source>
        <translation>上次成功同步：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="103"/>
        <source>Automatic sync:</source>
        <translation>自动同步：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="104"/>
        <source>Last run:</source>
        <translation>最近一次：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="106"/>
        <source>Allow plain HTTP to the central service (unencrypted; only on a trusted network)</source>
        <translation>允许以明文 HTTP 连接中心服务（不加密；仅限可信网络）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="113"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="116"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="124"/>
        <source>&amp;Export package…</source>
        <translation>导出同步包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="126"/>
        <source>Write the unsent changes to a file, for an office without a network</source>
        <translation>将未发送的更改写入文件，供没有网络的经办机构使用</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="128"/>
        <source>&amp;Import reply…</source>
        <translation>导入应答包(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="130"/>
        <source>Read the reply file the central service wrote for a package</source>
        <translation>读取中心服务为同步包生成的应答文件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="148"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="149"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="150"/>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="151"/>
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/sync/page.py" line="248"/>
        <location filename="../../injury_desk/ui/sync/page.py" line="283"/>
        <source>Waiting to be sent (%n)</source>
        <translation>
            <numerusform>等待发送（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/sync/page.py" line="249"/>
        <location filename="../../injury_desk/ui/sync/page.py" line="285"/>
        <source>Conflicts (%n)</source>
        <translation>
            <numerusform>冲突（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/sync/page.py" line="250"/>
        <location filename="../../injury_desk/ui/sync/page.py" line="286"/>
        <source>Rejected (%n)</source>
        <translation>
            <numerusform>被拒绝（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/sync/page.py" line="262"/>
        <source>%n local change(s) not yet synced</source>
        <translation>
            <numerusform>%n 项本地更改尚未同步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="264"/>
        <source>Nothing is waiting.</source>
        <translation>没有等待发送的更改。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="266"/>
        <source>%1 (%2 ago)</source>
        <translation>%1（%2前）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="269"/>
        <source>The list shows the first %1.</source>
        <translation>列表只显示前 %1 项。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="271"/>
        <source>%1 (this desktop is device %2)</source>
        <translation>%1（本机为设备 %2）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="273"/>
        <source>not enrolled</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="274"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="288"/>
        <source>off until the desktop is enrolled</source>
        <translation>本机登记后才开启</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="290"/>
        <source>offline: attempt %1 failed, next try at %2</source>
        <translation>离线：第 %1 次尝试失败，将于 %2 再试</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="292"/>
        <source>next at %1, then every five minutes</source>
        <translation>下次 %1，之后每五分钟一次</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="294"/>
        <source>when you press Sync now</source>
        <translation>点击“立即同步”时</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="297"/>
        <source>Last error: %1</source>
        <translation>上次错误：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="310"/>
        <source>Sending changes: %1 of %2</source>
        <translation>正在发送更改：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="313"/>
        <source>Receiving changes: %1 so far</source>
        <translation>正在接收更改：已收到 %1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="316"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="320"/>
        <source>Enrolling…</source>
        <translation>正在登记…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="321"/>
        <source>Writing the package…</source>
        <translation>正在写入同步包…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="322"/>
        <source>Reading the reply…</source>
        <translation>正在读取应答包…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="329"/>
        <source>none yet in this session</source>
        <translation>本次运行尚未同步</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="330"/>
        <source>sent %1 (%2 applied), received %3, %4 conflict(s), %5 refused</source>
        <translation>发送 %1（已应用 %2），接收 %3，冲突 %4，被拒绝 %5</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="333"/>
        <source>%1 received record(s) kept back because they have unsent changes here</source>
        <translation>%1 条收到的记录因本机有未发送的更改而暂不覆盖</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="433"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="359"/>
        <source>%1 record(s) that differed from the central copy were fetched again</source>
        <translation>%1 条与中心副本不一致的记录已重新获取</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="362"/>
        <source>%1 record(s) here still differ from the central copy and were left as they are (unsent work is never overwritten)</source>
        <translation>本机仍有 %1 条记录与中心副本不一致，已保持原样（未发送的工作从不被覆盖）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="365"/>
        <source>not compared with the central copy this time, as the office kept changing (the next sync compares)</source>
        <translation>本次未与中心副本核对，因为本单位的数据仍在不断变化（下次同步时核对）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="365"/>
        <source>Export sync package</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="366"/>
        <location filename="../../injury_desk/ui/sync/page.py" line="372"/>
        <source>Sync packages (*.json);;All files (*)</source>
        <translation>同步包 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="371"/>
        <source>Import the central service&apos;s reply</source>
        <translation>导入中心服务的应答包</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="395"/>
        <source>Package no. %1 was written to %2. Take it to the central office and import the reply file they give you with Import reply….</source>
        <translation>第 %1 号同步包已写入 %2。请将其带到中心，并用“导入应答包…”导入中心给您的应答文件。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="398"/>
        <source>The reply was applied: %1.</source>
        <translation>应答包已应用：%1。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/sync/page.py" line="406"/>
        <source>This desktop is now enrolled as device %1.</source>
        <translation>本机已登记为设备 %1。</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="27"/>
        <source>&amp;My tasks</source>
        <translation>我的任务(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="28"/>
        <source>&amp;Office</source>
        <translation>本机构(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="36"/>
        <source>Only supervisors and administrators see the whole office&apos;s tasks.</source>
        <translation>只有审核人和管理员可以查看全机构的任务。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="40"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="40"/>
        <source>Due</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="81"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="46"/>
        <location filename="../../injury_desk/ui/tasks_page.py" line="66"/>
        <source>Due date</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="47"/>
        <location filename="../../injury_desk/ui/tasks_page.py" line="83"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="48"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="50"/>
        <location filename="../../injury_desk/ui/tasks_page.py" line="86"/>
        <source>Claim number</source>
        <translation>申报编号</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="51"/>
        <location filename="../../injury_desk/ui/tasks_page.py" line="87"/>
        <source>Worker</source>
        <translation>职工</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="52"/>
        <source>ID number</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="53"/>
        <source>Assigned to</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="62"/>
        <source>Press Enter or double-click to open the claim.</source>
        <translation>按回车键或双击打开申报。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="67"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="68"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="69"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="70"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="71"/>
        <source>Action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="72"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="82"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="84"/>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="85"/>
        <source>About</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="88"/>
        <source>Provider</source>
        <translation>康复机构</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="94"/>
        <source>Press Enter or double-click to open the rehabilitation case.</source>
        <translation>按回车键或双击打开康复案件。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="98"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="115"/>
        <source>Rehabilitation: sessions in the next two weeks, unrecorded or missed sessions, goals past their date, plans due for review</source>
        <translation>康复：两周内的服务、未记录出勤或缺席的服务、已过期限的目标、待复查的计划</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="122"/>
        <source>Overdue corrective actions of employers</source>
        <translation>用人单位逾期未完成的整改措施</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="44"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="54"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="107"/>
        <source>Statutory claim deadlines: overdue, this week, and the next 30 days</source>
        <translation>法定期限：已逾期、本周到期及未来30日内到期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/tasks_page.py" line="178"/>
        <source>%1 overdue, %2 due this week, %3 later</source>
        <translation>%1 项逾期，%2 项本周到期，%3 项稍后到期</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="35"/>
        <source>Add training</source>
        <translation>添加培训</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="35"/>
        <source>Edit training</source>
        <translation>编辑培训</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="36"/>
        <source>&amp;Topic</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="37"/>
        <source>e.g. safe use of punch presses</source>
        <translation>例如：冲压机安全操作</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="38"/>
        <source>&amp;Held on</source>
        <translation>培训日期(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="39"/>
        <source>T&amp;rainer</source>
        <translation>培训讲师(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="42"/>
        <source>&amp;Attendees</source>
        <translation>参训人数(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="43"/>
        <source>Attendee &amp;names</source>
        <translation>参训人员名单(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="44"/>
        <source>optional, one per line</source>
        <translation>可选，每行一人</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="45"/>
        <source>&amp;Cost (yuan)</source>
        <translation>费用（元）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="48"/>
        <source>— none (open to all) —</source>
        <translation>— 无（面向所有单位）—</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="49"/>
        <source>&amp;Employer</source>
        <translation>用人单位(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="90"/>
        <source>This session takes the planned spending for %1 to %2 yuan, over the cap of %3 yuan by %4 yuan.</source>
        <translation>加上本次培训，%1年计划支出将达 %2 元，超过上限 %3 元 %4 元。</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="130"/>
        <source>&amp;Add training…</source>
        <translation>添加培训(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="131"/>
        <source>&amp;Edit training…</source>
        <translation>编辑培训(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="137"/>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="140"/>
        <source>Filter: topic, trainer, employer</source>
        <translation>筛选：主题、培训师、用人单位</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="153"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="154"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="155"/>
        <source>Trainer</source>
        <translation>培训讲师</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="156"/>
        <source>Attendees</source>
        <translation>参训人数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="157"/>
        <source>Cost (yuan)</source>
        <translation>费用（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="158"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="219"/>
        <source>%n training session(s)</source>
        <translation>
            <numerusform>%n 次培训</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="238"/>
        <source>Over the cap by %1 yuan.</source>
        <translation>超出上限 %1 元。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="240"/>
        <source>Remaining: %1 yuan.</source>
        <translation>剩余 %1 元。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="226"/>
        <source>Prevention spending %1: %2 yuan (training %3 in %4 session(s), funded projects %5, publicity %6).</source>
        <translation>%1 年工伤预防支出：%2 元（培训 %3 元，共 %4 期；预防项目 %5 元；宣传 %6 元）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="230"/>
        <source>Cap unknown: no %1 contribution income for region %2 in rules/%3.</source>
        <translation>上限未知：rules/%3 中没有地区 %2 的 %1 年征缴收入。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="232"/>
        <source>Cap %1 yuan (%2 % of the %3 contribution income of %4 yuan).</source>
        <translation>上限 %1 元（%3 年征缴收入 %4 元的 %2%）。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/training_page.py" line="236"/>
        <source>Share approved by the province: %1.</source>
        <translation>省级批准的比例：%1。</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../injury_desk/ui/transfer_dialog.py" line="34"/>
        <source>Import records</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/transfer_dialog.py" line="34"/>
        <source>Export records</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/transfer_dialog.py" line="35"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/transfer_dialog.py" line="35"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/transfer_dialog.py" line="75"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/transfer_dialog.py" line="91"/>
        <source>Imported %1 records from %2.</source>
        <translation>已从 %2 导入 %1 条记录。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/transfer_dialog.py" line="93"/>
        <source>Exported %1 records to %2.</source>
        <translation>已将 %1 条记录导出到 %2。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/transfer_dialog.py" line="97"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/transfer_dialog.py" line="98"/>
        <source>Cancelled: no file was written.</source>
        <translation>已取消：未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/transfer_dialog.py" line="102"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/transfer_dialog.py" line="105"/>
        <source>%1 problem(s) in %2; nothing was imported.</source>
        <translation>%2 中有 %1 个问题；未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="362"/>
        <source>Visit and findings</source>
        <translation>检查与发现</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="363"/>
        <source>When the visit took place, what was seen, and each hazard found. An inspection without findings is finished here.</source>
        <translation>检查日期、检查情况及发现的每项隐患。没有发现隐患的检查到此完成。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="373"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="374"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="375"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="376"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="380"/>
        <source>&amp;Add hazard…</source>
        <translation>添加隐患(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="381"/>
        <source>&amp;Remove hazard</source>
        <translation>删除隐患(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="391"/>
        <source>&amp;Inspected on:</source>
        <translation>检查日期(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="397"/>
        <source>&amp;Summary:</source>
        <translation>检查情况(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/prevention/inspection_wizard.py" line="399"/>
        <source>Hazards found:</source>
        <translation>发现的隐患：</translation>
    </message>
</context>
<context>
    <name>WagesTab</name>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="44"/>
        <source>Wages in the 12 months before the injury (yuan)</source>
        <translation>受伤前12个月工资（元）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="47"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="47"/>
        <source>Wage</source>
        <translation>工资</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="54"/>
        <source>Art. 64: the average of these months is bounded by 60% and 300% of the regional average wage. Saved with the proposal.</source>
        <translation>第六十四条：月平均工资低于统筹地区职工平均工资60%的按60%计算，高于300%的按300%计算。随核定结果一并保存。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="62"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="78"/>
        <source>Employer cannot arrange suitable work (grades 5–6)</source>
        <translation>用人单位难以安排工作（五至六级）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="79"/>
        <source>Employment has ended (grades 5–10)</source>
        <translation>劳动关系已终止（五至十级）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="82"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="83"/>
        <source>Extension beyond 12 months confirmed</source>
        <translation>已确认延长超过12个月</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="93"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="93"/>
        <source>Lonely elderly or orphan</source>
        <translation>孤寡老人或孤儿</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="98"/>
        <source>Add dependant</source>
        <translation>添加供养亲属</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="99"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="111"/>
        <source>Re&amp;gion:</source>
        <translation>统筹地区(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="112"/>
        <source>Statistics &amp;year:</source>
        <translation>统计年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="113"/>
        <source>Regional average &amp;wage:</source>
        <translation>统筹地区职工月平均工资(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="114"/>
        <source>&amp;Minimum wage:</source>
        <translation>最低工资标准(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="116"/>
        <source>Disability grade:</source>
        <translation>伤残等级：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="117"/>
        <source>Nursing dependency:</source>
        <translation>生活自理障碍：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="120"/>
        <source>&amp;Suspension with pay:</source>
        <translation>停工留薪期(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="127"/>
        <source>National urban &amp;disposable income:</source>
        <translation>全国城镇居民人均可支配收入(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="130"/>
        <source>Dependants:</source>
        <translation>供养亲属：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="186"/>
        <source>From the appraisal conclusion; change it there, not here</source>
        <translation>取自劳动能力鉴定结论；如需修改请在鉴定结论中修改</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="217"/>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="219"/>
        <source>no parameter file: enter the figure</source>
        <translation>无参数文件：请手工录入</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="220"/>
        <source>No parameter file for this region and year.</source>
        <translation>该统筹地区和年度没有参数文件。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="222"/>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="224"/>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="228"/>
        <source>%1 from the parameter file</source>
        <translation>参数文件值：%1</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="232"/>
        <source>%1 — not for real decisions</source>
        <translation>%1 — 不可用于实际决定</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="87"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="90"/>
        <source>After retirement the basic pension replaces the disability allowance; the fund pays the difference when it is lower (Art. 35)</source>
        <translation>退休后停发伤残津贴，享受基本养老保险待遇；基本养老保险待遇低于伤残津贴的，由工伤保险基金补足差额（第三十五条）</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="122"/>
        <source>Days in &amp;hospital:</source>
        <translation>住院天数(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="123"/>
        <source>Hospital meal &amp;allowance per day:</source>
        <translation>每日住院伙食补助标准(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="124"/>
        <source>&amp;Basic pension after retirement:</source>
        <translation>退休后基本养老保险待遇(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/assessment_wages.py" line="229"/>
        <source>not in the parameter file: enter the figure</source>
        <translation>参数文件中没有：请填写</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../injury_desk/ui/widgets.py" line="61"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>WorkerPage</name>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="96"/>
        <source>Injured worker</source>
        <translation>受伤职工</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="97"/>
        <source>Enter the resident ID number: a registered person is found automatically, otherwise enter the person&apos;s details.</source>
        <translation>请输入居民身份证号码：已登记的人员会自动查出，否则请填写人员信息。</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="103"/>
        <source>18 characters, e.g. 11010519491231002X</source>
        <translation>18位，例如 11010519491231002X</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="114"/>
        <source>&amp;ID number:</source>
        <translation>居民身份证号码(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="116"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="117"/>
        <source>Sex and birth date:</source>
        <translation>性别和出生日期：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="118"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="119"/>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/claims/wizard.py" line="141"/>
        <source>Registered person found: %1. The claim will use this record.</source>
        <translation>已找到登记人员：%1。申报将使用此记录。</translation>
    </message>
</context>
<context>
    <name>_CaseDialog</name>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="168"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="168"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/rehab/case_dialogs.py" line="186"/>
        <source>Plan of %1</source>
        <translation>%1 的康复计划</translation>
    </message>
</context>
<context>
    <name>_PrintMenu</name>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="27"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="31"/>
        <source>Application form (工伤认定申请表)…</source>
        <translation>工伤认定申请表…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="32"/>
        <source>Decision letter (认定决定书)…</source>
        <translation>认定工伤决定书…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="33"/>
        <source>Notice of missing documents (补正材料通知书)…</source>
        <translation>补正材料通知书…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="38"/>
        <source>Benefit calculation sheet (待遇核定表)…</source>
        <translation>待遇核定表…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="39"/>
        <source>Rehabilitation plan (康复计划)…</source>
        <translation>康复计划…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="40"/>
        <source>Inspection report (检查报告)…</source>
        <translation>检查报告…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="34"/>
        <source>Not-recognised decision (不予认定工伤决定书)…</source>
        <translation>不予认定工伤决定书…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="35"/>
        <source>Not-accepted notice (不予受理决定书)…</source>
        <translation>不予受理决定书…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="36"/>
        <source>Appraisal request (劳动能力鉴定申请书)…</source>
        <translation>劳动能力鉴定申请书…</translation>
    </message>
    <message>
        <location filename="../../injury_desk/ui/print_menu.py" line="37"/>
        <source>Re-appraisal request (再次鉴定申请书)…</source>
        <translation>再次鉴定申请书…</translation>
    </message>
</context>
</TS>
